using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CoalitionBot.Testing.Teams;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace CoalitionBot.Teams.Tests;

/// <summary>The simulator must be as strict as the real service, or the adapter tests prove little.</summary>
public sealed class SimulatorTests
{
    [Fact]
    public async Task Connector_EighthWriteInOneSecond_429WithRetryAfter()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-28T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var simulator = await BotFrameworkSimulator.StartAsync(new BotFrameworkSimulatorOptions { Time = time });
        using var http = new HttpClient();
        var token = await TokenAsync(http, simulator, simulator.Options.AppPassword);

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 8; i++)
        {
            last?.Dispose();
            last = await PostAsync(http, simulator, token);
            statuses.Add(last.StatusCode);
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Created, 7).Append(HttpStatusCode.TooManyRequests), statuses);
        Assert.Equal(TimeSpan.FromSeconds(1), last!.Headers.RetryAfter?.Delta);
        time.Advance(TimeSpan.FromSeconds(1));
        using var eighth = await PostAsync(http, simulator, token);
        using var ninth = await PostAsync(http, simulator, token);
        Assert.Equal(HttpStatusCode.Created, eighth.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, ninth.StatusCode); // 8 per 2 s
        time.Advance(TimeSpan.FromSeconds(1));
        using var later = await PostAsync(http, simulator, token);
        Assert.Equal(HttpStatusCode.Created, later.StatusCode);
        last.Dispose();
    }

    [Fact]
    public async Task TokenEndpoint_WrongSecret_InvalidClient()
    {
        await using var simulator = await BotFrameworkSimulator.StartAsync();
        using var http = new HttpClient();

        using var response = await http.PostAsync($"{simulator.TokenAuthority}/{simulator.Options.TenantId}/oauth2/v2.0/token", Form(simulator, "wrong"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_client", (await response.Content.ReadFromJsonAsync<JsonObject>())!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Connector_NoToken_Unauthorized()
    {
        await using var simulator = await BotFrameworkSimulator.StartAsync();
        using var http = new HttpClient();

        using var response = await http.PostAsJsonAsync(simulator.ServiceUrl + "v3/conversations/a%3A1x/activities", new { type = "message", text = "hi" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Connector_ActivityOver100KB_MessageSizeTooBig()
    {
        await using var simulator = await BotFrameworkSimulator.StartAsync();
        using var http = new HttpClient();
        var token = await TokenAsync(http, simulator, simulator.Options.AppPassword);
        using var request = new HttpRequestMessage(HttpMethod.Post, simulator.ServiceUrl + "v3/conversations/a%3A1x/activities")
        {
            Content = JsonContent.Create(new { type = "message", text = new string('x', 110 * 1024) }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    private static async Task<string> TokenAsync(HttpClient http, BotFrameworkSimulator simulator, string secret)
    {
        using var response = await http.PostAsync($"{simulator.TokenAuthority}/{simulator.Options.TenantId}/oauth2/v2.0/token", Form(simulator, secret));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["access_token"]!.GetValue<string>();
    }

    private static FormUrlEncodedContent Form(BotFrameworkSimulator simulator, string secret) => new(new Dictionary<string, string>
    {
        ["grant_type"] = "client_credentials",
        ["client_id"] = simulator.Options.AppId,
        ["client_secret"] = secret,
        ["scope"] = BotFrameworkSimulator.Scope,
    });

    private static async Task<HttpResponseMessage> PostAsync(HttpClient http, BotFrameworkSimulator simulator, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, simulator.ServiceUrl + "v3/conversations/a%3A1throttled/activities")
        {
            Content = JsonContent.Create(new { type = "message", text = "hi" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await http.SendAsync(request);
    }
}
