using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CoalitionBot.Teams.Tests.Support;
using CoalitionBot.Testing.Teams;
using Xunit;

namespace CoalitionBot.Teams.Tests;

/// <summary>Rosters in the simulator must page and refuse like the Teams service, or the roster tests prove little.</summary>
public sealed class SimulatorRosterTests
{
    [Fact]
    public async Task PagedMembers_620Members_TwoPagesThenNoToken()
    {
        await using var bot = await TeamsBot.StartAsync();
        var team = bot.Simulator.AddTeam("Rights Before Arms");
        for (var i = 0; i < 620; i++)
        {
            bot.Simulator.AddTeamMember(team, $"Member {i}", $"member{i}@example.org", guest: i % 10 == 0);
        }

        await bot.Simulator.InstallBotAsync(bot.Http, bot.Messages, team);
        var token = await TokenAsync(bot);

        var (first, firstStatus) = await GetAsync(bot, token, $"v3/conversations/{Uri.EscapeDataString(team.Id)}/pagedmembers?pageSize=500");
        var next = first!["continuationToken"]!.GetValue<string>();
        var (second, _) = await GetAsync(bot, token, $"v3/conversations/{Uri.EscapeDataString(team.Id)}/pagedmembers?pageSize=500&continuationToken={Uri.EscapeDataString(next)}");

        Assert.Equal(HttpStatusCode.OK, firstStatus);
        Assert.Equal(500, first["members"]!.AsArray().Count);
        Assert.Equal(120, second!["members"]!.AsArray().Count);
        Assert.Null(second["continuationToken"]);
        var guest = first["members"]!.AsArray()[0]!;
        Assert.Equal("guest", guest["userRole"]!.GetValue<string>());
        Assert.Contains("#EXT#", guest["userPrincipalName"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("member0@example.org", guest["email"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(10, 50)]
    [InlineData(5000, 500)]
    public async Task PagedMembers_PageSizeOutOfRange_TreatedAsTheNearestLimit(int asked, int served)
    {
        await using var bot = await TeamsBot.StartAsync();
        var team = bot.Simulator.AddTeam("Rights Before Arms");
        for (var i = 0; i < 600; i++)
        {
            bot.Simulator.AddTeamMember(team, $"Member {i}", $"member{i}@example.org");
        }

        await bot.Simulator.InstallBotAsync(bot.Http, bot.Messages, team);

        var (page, _) = await GetAsync(bot, await TokenAsync(bot), $"v3/conversations/{Uri.EscapeDataString(team.Id)}/pagedmembers?pageSize={asked}");

        Assert.Equal(served, page!["members"]!.AsArray().Count);
    }

    [Fact]
    public async Task PagedMembers_BotNotInTheTeam_403AndUnknownTeam_404AndForgedToken_400()
    {
        await using var bot = await TeamsBot.StartAsync();
        var team = bot.Simulator.AddTeam("Rights Before Arms");
        var installed = bot.Simulator.AddTeam("Partners");
        await bot.Simulator.InstallBotAsync(bot.Http, bot.Messages, installed);
        var token = await TokenAsync(bot);

        var (_, notIn) = await GetAsync(bot, token, $"v3/conversations/{Uri.EscapeDataString(team.Id)}/pagedmembers");
        var (_, unknown) = await GetAsync(bot, token, "v3/conversations/19%3Anope%40thread.tacv2/pagedmembers");
        var forged = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(team.Id + "|0"));
        var (_, badToken) = await GetAsync(bot, token, $"v3/conversations/{Uri.EscapeDataString(installed.Id)}/pagedmembers?continuationToken={Uri.EscapeDataString(forged)}");

        Assert.Equal(HttpStatusCode.Forbidden, notIn);
        Assert.Equal(HttpStatusCode.NotFound, unknown);
        Assert.Equal(HttpStatusCode.BadRequest, badToken);
    }

    [Fact]
    public async Task CreateConversation_PersonSharesNoTeamWithTheBot_403UntilTheyJoinOne()
    {
        await using var bot = await TeamsBot.StartAsync();
        var team = bot.Simulator.AddTeam("Rights Before Arms");
        await bot.Simulator.InstallBotAsync(bot.Http, bot.Messages, team);
        var outsider = bot.Simulator.AddTeamMember(bot.Simulator.AddTeam("Another team"), "Olu Ade", "olu@elsewhere.org");
        var token = await TokenAsync(bot);

        var refused = await CreateAsync(bot, token, outsider.Id);
        var (member, _) = await bot.Simulator.JoinTeamAsync(bot.Http, bot.Messages, team, "Olu Ade", "olu@elsewhere.org");
        var opened = await CreateAsync(bot, token, member.Id);

        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Equal("BotNotInConversationRoster", refused.Body!["error"]!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Created, opened.Status);
    }

    private static async Task<(HttpStatusCode Status, JsonObject? Body)> CreateAsync(TeamsBot bot, string token, string memberId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, bot.Simulator.ServiceUrl + "v3/conversations")
        {
            Content = JsonContent.Create(new JsonObject
            {
                ["bot"] = new JsonObject { ["id"] = bot.Activities.BotId },
                ["members"] = new JsonArray(new JsonObject { ["id"] = memberId }),
                ["isGroup"] = false,
                ["tenantId"] = bot.Simulator.Options.TenantId,
                ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = bot.Simulator.Options.TenantId } },
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await bot.Http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonObject>());
    }

    private static async Task<(JsonObject? Body, HttpStatusCode Status)> GetAsync(TeamsBot bot, string token, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, bot.Simulator.ServiceUrl + path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await bot.Http.SendAsync(request);
        return (response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonObject>() : null, response.StatusCode);
    }

    private static async Task<string> TokenAsync(TeamsBot bot)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = bot.Simulator.Options.AppId,
            ["client_secret"] = bot.Simulator.Options.AppPassword,
            ["scope"] = BotFrameworkSimulator.Scope,
        });
        using var response = await bot.Http.PostAsync($"{bot.Simulator.TokenAuthority}/{bot.Simulator.Options.TenantId}/oauth2/v2.0/token", form);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["access_token"]!.GetValue<string>();
    }
}
