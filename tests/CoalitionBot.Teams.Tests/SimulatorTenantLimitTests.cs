using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CoalitionBot.Testing.Teams;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace CoalitionBot.Teams.Tests;

/// <summary>The simulator's budget per app per tenant (about 50 requests a second, PROTOCOLS.md), through HTTP.</summary>
public sealed class SimulatorTenantLimitTests
{
    [Fact]
    public async Task Connector_FiftyFirstRequestInOneSecond_429WithRetryAfter_EvenAcrossConversations()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-02T09:00:00Z", CultureInfo.InvariantCulture));
        await using var simulator = await BotFrameworkSimulator.StartAsync(new BotFrameworkSimulatorOptions { Time = time });
        using var http = new HttpClient();
        var token = await TokenAsync(http, simulator);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 49; i++)
        {
            using var sent = await PostAsync(http, simulator, token, $"a:1tenant-{i:D2}");
            statuses.Add(sent.StatusCode);
        }

        using (var read = await GetAsync(http, simulator, token, "a:1tenant-00"))
        {
            statuses.Add(read.StatusCode); // a read counts too: the 50th request
        }

        using var refused = await PostAsync(http, simulator, token, "a:1tenant-50");

        Assert.All(statuses, s => Assert.True(s is HttpStatusCode.Created or HttpStatusCode.OK, s.ToString()));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter?.Delta);
        Assert.Equal("Throttled", (await refused.Content.ReadFromJsonAsync<JsonObject>())!["error"]!["code"]!.GetValue<string>());
        Assert.Equal(1, simulator.TenantThrottled);
        Assert.Equal(49, simulator.Activities.Count);

        time.Advance(TimeSpan.FromMilliseconds(999));
        using (var stillFull = await PostAsync(http, simulator, token, "a:1tenant-51"))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, stillFull.StatusCode); // a sliding window: nothing left it yet
        }

        time.Advance(TimeSpan.FromMilliseconds(1));
        using var later = await PostAsync(http, simulator, token, "a:1tenant-52");
        Assert.Equal(HttpStatusCode.Created, later.StatusCode);
        Assert.Equal(2, simulator.Throttled);
    }

    [Fact]
    public async Task Connector_Unauthorised_NotCountedAgainstTheTenant()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-02T09:00:00Z", CultureInfo.InvariantCulture));
        await using var simulator = await BotFrameworkSimulator.StartAsync(new BotFrameworkSimulatorOptions { Time = time });
        using var http = new HttpClient();
        var token = await TokenAsync(http, simulator);
        for (var i = 0; i < 60; i++)
        {
            using var anonymous = await PostAsync(http, simulator, "not-a-token", $"a:1anon-{i:D2}");
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }

        using var sent = await PostAsync(http, simulator, token, "a:1anon-ok");

        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        Assert.Equal(0, simulator.TenantThrottled);
    }

    private static async Task<string> TokenAsync(HttpClient http, BotFrameworkSimulator simulator)
    {
        using var response = await http.PostAsync($"{simulator.TokenAuthority}/{simulator.Options.TenantId}/oauth2/v2.0/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = simulator.Options.AppId,
            ["client_secret"] = simulator.Options.AppPassword,
            ["scope"] = BotFrameworkSimulator.Scope,
        }));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["access_token"]!.GetValue<string>();
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, BotFrameworkSimulator simulator, string token, string conversation) =>
        SendAsync(http, token, new HttpRequestMessage(HttpMethod.Post, simulator.ServiceUrl + $"v3/conversations/{Uri.EscapeDataString(conversation)}/activities")
        {
            Content = JsonContent.Create(new { type = "message", text = "hi" }),
        });

    private static Task<HttpResponseMessage> GetAsync(HttpClient http, BotFrameworkSimulator simulator, string token, string conversation) =>
        SendAsync(http, token, new HttpRequestMessage(HttpMethod.Get, simulator.ServiceUrl + $"v3/conversations/{Uri.EscapeDataString(conversation)}/members"));

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, string token, HttpRequestMessage request)
    {
        using (request)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return await http.SendAsync(request);
        }
    }
}
