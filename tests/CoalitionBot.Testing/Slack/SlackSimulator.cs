using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoalitionBot.Testing.Slack;

/// <summary>
/// An in-process Slack: a Kestrel server on 127.0.0.1 (port 0) with the Web API (token, scope, channel/user,
/// Block Kit and rate-limit checks), a Socket Mode WebSocket server and response_url endpoints, plus a client
/// that sends signed HTTP deliveries to a bot. It records everything the bot sent. Start with <see cref="StartAsync"/>.
/// </summary>
public sealed partial class SlackSimulator : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly HttpClient client = new();
    private readonly ConcurrentQueue<SimulatedApiCall> calls = new();
    private readonly ConcurrentQueue<JsonObject> responseUrlPosts = new();
    private readonly ConcurrentDictionary<string, int> responseUrlUses = new();
    private volatile bool responseUrlsExpired;
    private readonly List<(Func<bool> Condition, TaskCompletionSource Signal)> waiters = [];
    private readonly object gate = new();
    private long nextTs = 1_700_000_000_000_100;
    private int nextId = 1000;

    private SlackSimulator(TimeProvider time)
    {
        Time = time;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        app = builder.Build();
        app.UseWebSockets();
        app.MapPost("/api/{method}", (HttpContext http, string method) => HandleApiAsync(http, method));
        app.MapGet("/oauth/v2/authorize", HandleAuthorize);
        app.MapPost("/response/{id}", HandleResponseUrlAsync);
        app.MapPost("/upload/{fileId}", (HttpContext http, string fileId) => HandleUploadAsync(http, fileId));
        app.Map("/socket-mode", HandleSocketAsync);

        Users["U0BOT"] = new SimulatedUser("U0BOT", "coalitionbot");
        Users["U1"] = new SimulatedUser("U1", "ana", "ana@example.org", "Europe/Lisbon");
        Users["U2"] = new SimulatedUser("U2", "ben", "ben@example.org", "America/New_York");
        Channels["C1"] = new SimulatedChannel("C1", "coalition");
        Channels["C9"] = new SimulatedChannel("C9", "old-campaign", Archived: true);
        ApplySlackRateLimits();
    }

    public TimeProvider Time { get; }

    public string TeamId { get; } = "T0SIM";

    public string BotUserId { get; } = "U0BOT";

    public string BotToken { get; } = "xoxb-sim-" + RandomNumberGenerator.GetHexString(16, lowercase: true);

    public string AppToken { get; } = "xapp-1-sim-" + RandomNumberGenerator.GetHexString(16, lowercase: true);

    public string SigningSecret { get; } = RandomNumberGenerator.GetHexString(32, lowercase: true);

    /// <summary>Bot token scopes granted at install. Remove one to see missing_scope.</summary>
    public HashSet<string> Scopes { get; } =
    [
        "commands", "chat:write", "chat:write.public", "im:write", "im:history", "app_mentions:read", "users:read",
        "users:read.email", "team:read", "channels:read", "groups:read", "files:write",
    ];

    public ConcurrentDictionary<string, SimulatedUser> Users { get; } = new();

    public ConcurrentDictionary<string, SimulatedChannel> Channels { get; } = new();

    /// <summary>Every message accepted, in order.</summary>
    public ConcurrentQueue<SimulatedMessage> Messages { get; } = new();

    /// <summary>Views opened, pushed, updated or published, in order: (method, view).</summary>
    public ConcurrentQueue<(string Method, JsonObject View)> Views { get; } = new();

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>What the bot's Slack:ApiBaseUrl should be.</summary>
    public string ApiBaseUrl => new Uri(BaseUrl, "api/").ToString();

    public IReadOnlyList<SimulatedApiCall> Calls => calls.ToArray();

    public IReadOnlyList<JsonObject> ResponseUrlPosts => responseUrlPosts.ToArray();

    /// <summary>From now on every response_url answers 404 <c>expired_url</c>, as Slack does after its 30 minutes.</summary>
    public void ExpireResponseUrls() => responseUrlsExpired = true;

    public static async Task<SlackSimulator> StartAsync(TimeProvider? time = null)
    {
        var simulator = new SlackSimulator(time ?? TimeProvider.System);
        await simulator.app.StartAsync().ConfigureAwait(false);
        var address = simulator.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        simulator.BaseUrl = new Uri(address.EndsWith('/') ? address : address + "/");
        return simulator;
    }

    /// <summary>Waits (without polling) until the condition over the recorded traffic holds; fails after <paramref name="timeout"/> (default 10 s).</summary>
    public async Task WaitUntilAsync(Func<SlackSimulator, bool> condition, TimeSpan? timeout = null)
    {
        TaskCompletionSource signal;
        lock (gate)
        {
            if (condition(this))
            {
                return;
            }

            signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            waiters.Add((() => condition(this), signal));
        }

        try
        {
            await signal.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException("Slack simulator: condition not met. Calls so far: " + string.Join(", ", Calls.Select(c => c.Method + (c.Error is null ? string.Empty : "=" + c.Error))));
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Refuse new Socket Mode connections first: a bot that reconnects at once after the abort below would
        // otherwise hold Kestrel's graceful stop open for its full 30 s.
        disposing = true;
        foreach (var socket in sockets.Values)
        {
            socket.Abort();
        }

        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
        client.Dispose();
    }

    private void Changed()
    {
        lock (gate)
        {
            foreach (var waiter in waiters.ToArray())
            {
                if (waiter.Condition())
                {
                    waiters.Remove(waiter);
                    waiter.Signal.TrySetResult();
                }
            }
        }
    }

    private string NextTs()
    {
        var value = Interlocked.Increment(ref nextTs);
        return $"{value / 1_000_000}.{value % 1_000_000:D6}";
    }

    private string NextId(string prefix) => prefix + Interlocked.Increment(ref nextId);

    private async Task HandleResponseUrlAsync(HttpContext http)
    {
        var body = await JsonNode.ParseAsync(http.Request.Body).ConfigureAwait(false) as JsonObject;
        if (body is null || BlockKitValidator.ValidateMessage(body["blocks"], (string?)body["text"]) is { Count: > 0 })
        {
            http.Response.StatusCode = 400;
            await http.Response.WriteAsync("invalid_blocks").ConfigureAwait(false);
            return;
        }

        if (responseUrlsExpired)
        {
            http.Response.StatusCode = 404; // Slack: a response_url is valid for 30 minutes
            await http.Response.WriteAsync("expired_url").ConfigureAwait(false);
            return;
        }

        // Slack: a response_url takes 5 responses (within 30 minutes), then refuses.
        var uses = responseUrlUses.AddOrUpdate((string)http.Request.RouteValues["id"]!, 1, (_, n) => n + 1);
        if (uses > 5)
        {
            http.Response.StatusCode = 404;
            await http.Response.WriteAsync("used_url").ConfigureAwait(false);
            return;
        }

        responseUrlPosts.Enqueue(body);
        Changed();
        await http.Response.WriteAsync("ok").ConfigureAwait(false);
    }

    private async Task HandleUploadAsync(HttpContext http, string fileId)
    {
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer).ConfigureAwait(false);
        uploads[fileId] = buffer.ToArray();
        await http.Response.WriteAsync("OK - " + buffer.Length).ConfigureAwait(false);
    }

    /// <summary>Signs and posts a body to the bot the way Slack's HTTP delivery does.</summary>
    public async Task<SimulatedHttpResponse> DeliverAsync(Uri url, string contentType, string body, int retryNum = 0, string? retryReason = null, DateTimeOffset? at = null, string? secret = null)
    {
        var timestamp = (at ?? Time.GetUtcNow()).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, url);
        request.Content = new StringContent(body, Encoding.UTF8);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", Sign(secret ?? SigningSecret, timestamp, body));
        if (retryNum > 0)
        {
            request.Headers.Add("X-Slack-Retry-Num", retryNum.ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.Add("X-Slack-Retry-Reason", retryReason ?? "http_timeout");
        }

        using var response = await client.SendAsync(request).ConfigureAwait(false);
        var headers = response.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        return new SimulatedHttpResponse((int)response.StatusCode, await response.Content.ReadAsStringAsync().ConfigureAwait(false), headers);
    }

    /// <summary>
    /// Delivers an Events API body the way Slack does: on a non-2xx answer or no answer within 3 s it retries up
    /// to 3 times with X-Slack-Retry-Num / X-Slack-Retry-Reason, unless the bot answered X-Slack-No-Retry: 1.
    /// (Slack waits about 1 and 5 minutes between retries; the simulator retries at once.) Returns every attempt.
    /// </summary>
    public async Task<IReadOnlyList<SimulatedHttpResponse>> DeliverEventWithRetriesAsync(Uri url, JsonObject envelope, string? secret = null)
    {
        var attempts = new List<SimulatedHttpResponse>();
        string? reason = null;
        for (var retry = 0; retry <= 3; retry++)
        {
            SimulatedHttpResponse response;
            try
            {
                response = await DeliverAsync(url, "application/json", envelope.ToJsonString(), retry, reason, secret: secret)
                    .WaitAsync(TimeSpan.FromSeconds(3)).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                attempts.Add(new SimulatedHttpResponse(0, string.Empty, new Dictionary<string, string>()));
                reason = "http_timeout";
                continue;
            }

            attempts.Add(response);
            if (response.Status is >= 200 and < 300 || response.Headers.GetValueOrDefault("X-Slack-No-Retry") == "1")
            {
                break;
            }

            reason = "http_error";
        }

        return attempts;
    }

    /// <summary>Slack's v0 signature of a body.</summary>
    public static string Sign(string secret, string timestamp, string body)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"v0:{timestamp}:{body}"));
        return "v0=" + Convert.ToHexStringLower(mac);
    }

    /// <summary>A /memo slash command payload as Slack builds it (also the Socket Mode payload), with a fresh trigger_id and response_url.</summary>
    public JsonObject SlashCommand(string text, string userId = "U1", string channelId = "C1") => new()
    {
        ["token"] = "deprecated-verification-token",
        ["team_id"] = TeamId,
        ["team_domain"] = "coalition",
        ["channel_id"] = channelId,
        ["channel_name"] = Channels.TryGetValue(channelId, out var channel) ? channel.Name : "directmessage",
        ["user_id"] = userId,
        ["user_name"] = Users.TryGetValue(userId, out var user) ? user.Name : "someone",
        ["command"] = "/memo",
        ["text"] = text,
        ["api_app_id"] = "A0SIM",
        ["is_enterprise_install"] = "false",
        ["response_url"] = new Uri(BaseUrl, "response/" + NextId("R")).ToString(),
        ["trigger_id"] = IssueTrigger(),
    };

    /// <summary>A block_actions payload for a button press on a message.</summary>
    public JsonObject ButtonPress(string actionId, string value, string messageTs, string userId = "U1", string channelId = "C1", string? actionTs = null) => new()
    {
        ["type"] = "block_actions",
        ["user"] = new JsonObject { ["id"] = userId, ["username"] = Users.TryGetValue(userId, out var u) ? u.Name : "someone", ["team_id"] = u?.HomeTeamId ?? TeamId }, // a Slack Connect member's own team
        ["api_app_id"] = "A0SIM",
        ["team"] = new JsonObject { ["id"] = TeamId, ["domain"] = "coalition" },
        ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = messageTs, ["channel_id"] = channelId, ["is_ephemeral"] = false },
        ["trigger_id"] = IssueTrigger(),
        ["channel"] = new JsonObject { ["id"] = channelId, ["name"] = Channels.TryGetValue(channelId, out var c) ? c.Name : "directmessage" },
        ["response_url"] = new Uri(BaseUrl, "response/" + NextId("R")).ToString(),
        ["actions"] = new JsonArray(new JsonObject
        {
            ["type"] = "button",
            ["action_id"] = actionId,
            ["block_id"] = "b" + messageTs,
            ["value"] = value,
            ["action_ts"] = actionTs ?? NextTs(),
            ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "button" },
        }),
    };

    /// <summary>An event_callback envelope around an event, with a fresh event_id unless given, from this or another workspace.</summary>
    public JsonObject EventCallback(JsonObject ev, string? eventId = null, string? teamId = null) => new()
    {
        ["token"] = "deprecated-verification-token",
        ["team_id"] = teamId ?? TeamId,
        ["api_app_id"] = "A0SIM",
        ["event"] = ev,
        ["type"] = "event_callback",
        ["event_id"] = eventId ?? NextId("Ev"),
        ["event_time"] = Time.GetUtcNow().ToUnixTimeSeconds(),
        ["authorizations"] = new JsonArray(new JsonObject
        {
            ["team_id"] = teamId ?? TeamId,
            ["user_id"] = teamId is not null && Workspaces.TryGetValue(teamId, out var w) ? w.BotUserId : BotUserId,
            ["is_bot"] = true,
            ["is_enterprise_install"] = false,
        }),
    };

    /// <summary>A DM from a person to the bot (message.im).</summary>
    public JsonObject DirectMessage(string text, string userId = "U1") => new()
    {
        ["type"] = "message",
        ["channel"] = DirectChannelOf(userId),
        ["user"] = userId,
        ["text"] = text,
        ["ts"] = NextTs(),
        ["channel_type"] = "im",
        ["event_ts"] = NextTs(),
    };

    public Uri Url(Uri botBase, string path) => new(botBase, path);

    public string DirectChannelOf(string userId)
    {
        var id = "D" + userId;
        Channels.TryAdd(id, new SimulatedChannel(id, "directmessage"));
        return id;
    }

    /// <summary>Form-encodes fields as Slack does for slash commands and interactions.</summary>
    public static string FormEncode(IEnumerable<KeyValuePair<string, string>> fields) =>
        string.Join("&", fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));

    public static string FormEncode(JsonObject payload) =>
        FormEncode(payload.Select(p => KeyValuePair.Create(p.Key, p.Value is JsonValue v && v.TryGetValue<string>(out var s) ? s : p.Value?.ToJsonString() ?? string.Empty)));
}
