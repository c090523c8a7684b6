using System.Net;
using CoalitionBot.Teams.Tests.Support;
using CoalitionBot.Testing.Teams;
using Xunit;

namespace CoalitionBot.Teams.Tests;

public sealed class AuthenticationTests
{
    [Theory]
    [InlineData(TokenFlavour.WrongAudience, HttpStatusCode.Unauthorized)]
    [InlineData(TokenFlavour.WrongIssuer, HttpStatusCode.Unauthorized)]
    [InlineData(TokenFlavour.Expired, HttpStatusCode.Unauthorized)]
    [InlineData(TokenFlavour.NotYetValid, HttpStatusCode.Unauthorized)]
    [InlineData(TokenFlavour.WrongServiceUrl, HttpStatusCode.Unauthorized)]
    [InlineData(TokenFlavour.UnknownKey, HttpStatusCode.Unauthorized)]
    [InlineData(TokenFlavour.Unsigned, HttpStatusCode.Unauthorized)]
    [InlineData(TokenFlavour.SymmetricAlgorithm, HttpStatusCode.Unauthorized)]
    [InlineData(TokenFlavour.UnendorsedKey, HttpStatusCode.Forbidden)]
    public async Task Post_WrongToken_RefusedAndNotHandled(TokenFlavour flavour, HttpStatusCode expected)
    {
        await using var bot = await TeamsBot.StartAsync();

        using var response = await bot.SendAsync(bot.Activities.Message("list"), flavour);

        Assert.Equal(expected, response.StatusCode);
        Assert.Empty(bot.Handler.Received);
    }

    [Fact]
    public async Task Post_NoAuthorizationHeader_Unauthorized()
    {
        await using var bot = await TeamsBot.StartAsync();

        using var response = await bot.SendAsync(bot.Activities.Message("list"), flavour: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_TokenOfTeamsKeyForAnotherChannel_Forbidden()
    {
        await using var bot = await TeamsBot.StartAsync();
        var activity = bot.Activities.Message("list");
        activity["channelId"] = "webchat";

        using var response = await bot.SendAsync(activity);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Post_MetadataUnavailable_UnauthorizedNeverAccepted()
    {
        await using var bot = await TeamsBot.StartAsync();
        bot.Simulator.MetadataAvailable = false;

        using var response = await bot.SendAsync(bot.Activities.Message("list"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(bot.Handler.Received);
    }

    [Fact]
    public async Task Post_MetadataHostUnreachable_Unauthorized()
    {
        await using var bot = await TeamsBot.StartAsync(s => s["Teams:OpenIdMetadataUrl"] = "http://127.0.0.1:1/v1/.well-known/openidconfiguration");

        using var response = await bot.SendAsync(bot.Activities.Message("list"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_ValidToken_AcceptedAndHandled()
    {
        await using var bot = await TeamsBot.StartAsync();

        using var response = await bot.SendAsync(bot.Activities.Message("list"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await bot.Handler.WaitForAsync(1, TeamsBot.Timeout());
    }

    [Fact]
    public async Task Post_TokenJustWithinClockSkew_Accepted()
    {
        await using var bot = await TeamsBot.StartAsync();
        var token = bot.Simulator.IssueToken();
        bot.Time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(4));

        using var request = new HttpRequestMessage(HttpMethod.Post, bot.Messages)
        {
            Content = new StringContent(bot.Activities.Message("list").ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", token);
        using var response = await bot.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }
}
