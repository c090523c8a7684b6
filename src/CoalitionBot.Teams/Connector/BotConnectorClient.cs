using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoalitionBot.Teams.Activities;
using Microsoft.Extensions.Logging;

namespace CoalitionBot.Teams.Connector;

/// <summary>
/// The Bot Connector REST API (v3) relative to a conversation's serviceUrl: send, reply, update, delete, create a
/// 1:1 conversation, read members. Never throws for HTTP or network failures: they come back as <see cref="ConnectorResult"/>.
/// </summary>
internal sealed partial class BotConnectorClient(
    IHttpClientFactory httpClients,
    BotTokenProvider tokens,
    ConnectorRateLimiter limiter,
    ILogger<BotConnectorClient> logger)
{
    public const string HttpClientName = "CoalitionBot.Teams.Connector";

    /// <summary>The largest page Teams serves from pagedmembers.</summary>
    public const int MaxPageSize = 500;

    /// <summary>POST /v3/conversations/{id}/activities: a new message in the conversation (a new thread in a channel).</summary>
    public Task<ConnectorResult> SendAsync(string serviceUrl, string tenant, string conversationId, JsonObject activity, bool wait, CancellationToken ct) =>
        WriteAsync(HttpMethod.Post, serviceUrl, tenant, conversationId, $"v3/conversations/{Esc(conversationId)}/activities", activity, wait, ct);

    /// <summary>POST /v3/conversations/{id}/activities/{activityId}: a reply to an activity.</summary>
    public Task<ConnectorResult> ReplyAsync(string serviceUrl, string tenant, string conversationId, string replyToId, JsonObject activity, bool wait, CancellationToken ct)
    {
        activity["replyToId"] = replyToId;
        return WriteAsync(HttpMethod.Post, serviceUrl, tenant, conversationId, $"v3/conversations/{Esc(conversationId)}/activities/{Esc(replyToId)}", activity, wait, ct);
    }

    /// <summary>PUT /v3/conversations/{id}/activities/{activityId}: replaces an earlier message (a card with fresh counts).</summary>
    public Task<ConnectorResult> UpdateAsync(string serviceUrl, string tenant, string conversationId, string activityId, JsonObject activity, bool wait, CancellationToken ct)
    {
        activity["id"] = activityId;
        return WriteAsync(HttpMethod.Put, serviceUrl, tenant, conversationId, $"v3/conversations/{Esc(conversationId)}/activities/{Esc(activityId)}", activity, wait, ct);
    }

    public Task<ConnectorResult> DeleteAsync(string serviceUrl, string tenant, string conversationId, string activityId, bool wait, CancellationToken ct) =>
        WriteAsync(HttpMethod.Delete, serviceUrl, tenant, conversationId, $"v3/conversations/{Esc(conversationId)}/activities/{Esc(activityId)}", null, wait, ct);

    /// <summary>POST /v3/conversations: opens (or finds) the bot's 1:1 chat with a user; the result's Id is the conversation id to store.</summary>
    public Task<ConnectorResult> CreateConversationAsync(string serviceUrl, string tenant, string botId, string memberId, CancellationToken ct)
    {
        var body = new JsonObject
        {
            ["bot"] = new JsonObject { ["id"] = botId },
            ["members"] = new JsonArray { new JsonObject { ["id"] = memberId } },
            ["isGroup"] = false,
            ["tenantId"] = tenant,
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenant } },
        };
        return WriteAsync(HttpMethod.Post, serviceUrl, tenant, "(new)", "v3/conversations", body, wait: true, ct);
    }

    /// <summary>GET /v3/conversations/{id}/members: the roster (ids, names, aadObjectId, email, userPrincipalName).</summary>
    public async Task<(ConnectorResult Result, IReadOnlyList<JsonElement> Members)> GetMembersAsync(string serviceUrl, string conversationId, CancellationToken ct)
    {
        var (result, body) = await ExchangeAsync(HttpMethod.Get, serviceUrl, $"v3/conversations/{Esc(conversationId)}/members", null, ct).ConfigureAwait(false);
        if (!result.Succeeded || body is not { ValueKind: JsonValueKind.Array } array)
        {
            return (result, []);
        }

        return (result, array.EnumerateArray().Select(e => e.Clone()).ToList());
    }

    /// <summary>
    /// GET /v3/conversations/{id}/pagedmembers: one page (at most 500) of a team's or group chat's roster, and the token
    /// for the next page (null on the last).
    /// </summary>
    public async Task<(ConnectorResult Result, IReadOnlyList<JsonElement> Members, string? ContinuationToken)> GetPagedMembersAsync(string serviceUrl, string conversationId, string? continuationToken, CancellationToken ct)
    {
        var path = $"v3/conversations/{Esc(conversationId)}/pagedmembers?pageSize={MaxPageSize}"
            + (string.IsNullOrEmpty(continuationToken) ? string.Empty : "&continuationToken=" + Esc(continuationToken));
        var (result, body) = await ExchangeAsync(HttpMethod.Get, serviceUrl, path, null, ct).ConfigureAwait(false);
        if (!result.Succeeded || body is not { ValueKind: JsonValueKind.Object } page)
        {
            return (result, [], null);
        }

        var members = page.TryGetProperty("members", out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray().Select(e => e.Clone()).ToList() : [];
        var next = page.TryGetProperty("continuationToken", out var token) && token.ValueKind == JsonValueKind.String ? token.GetString() : null;
        return (result, members, string.IsNullOrEmpty(next) ? null : next);
    }

    /// <summary>
    /// GET /v3/teams/{teamId}/conversations: the team's channels, each {id, name}; the General channel has no name
    /// (its id is the team's id).
    /// </summary>
    public async Task<(ConnectorResult Result, IReadOnlyList<(string Id, string? Name)> Channels)> GetTeamChannelsAsync(string serviceUrl, string teamId, CancellationToken ct)
    {
        var (result, body) = await ExchangeAsync(HttpMethod.Get, serviceUrl, $"v3/teams/{Esc(teamId)}/conversations", null, ct).ConfigureAwait(false);
        if (!result.Succeeded || body is not { ValueKind: JsonValueKind.Object } answer
            || !answer.TryGetProperty("conversations", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return (result, []);
        }

        return (result, list.EnumerateArray()
            .Where(c => c.ValueKind == JsonValueKind.Object && c.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
            .Select(c => (c.GetProperty("id").GetString()!, c.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null))
            .ToList());
    }

    /// <summary>GET /v3/conversations/{id}/members/{memberId}: one member, with email when Teams knows it.</summary>
    public async Task<(ConnectorResult Result, JsonElement? Member)> GetMemberAsync(string serviceUrl, string conversationId, string memberId, CancellationToken ct)
    {
        var (result, body) = await ExchangeAsync(HttpMethod.Get, serviceUrl, $"v3/conversations/{Esc(conversationId)}/members/{Esc(memberId)}", null, ct).ConfigureAwait(false);
        return (result, result.Succeeded ? body?.Clone() : null);
    }

    private async Task<ConnectorResult> WriteAsync(HttpMethod method, string serviceUrl, string tenant, string conversationId, string path, JsonObject? body, bool wait, CancellationToken ct)
    {
        if (wait)
        {
            if (!await limiter.AcquireAsync(tenant, conversationId, ct).ConfigureAwait(false))
            {
                return new ConnectorResult(0, RetryAfter: TimeSpan.FromSeconds(1), ErrorCode: "LocallyThrottled", LocallyThrottled: true);
            }
        }
        else if (limiter.TryAcquire(tenant, conversationId) is { } after)
        {
            return new ConnectorResult(0, RetryAfter: after, ErrorCode: "LocallyThrottled", LocallyThrottled: true);
        }

        var reservation = await limiter.ReserveTenantAsync(tenant, wait, ct).ConfigureAwait(false);
        if (reservation.RefusedFor is { } refused)
        {
            return new ConnectorResult(0, RetryAfter: refused, ErrorCode: "LocallyThrottled", LocallyThrottled: true);
        }

        try
        {
            var (result, _) = await ExchangeAsync(method, serviceUrl, path, body, ct).ConfigureAwait(false);
            return result;
        }
        finally
        {
            await limiter.AnsweredAsync(reservation, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task<(ConnectorResult Result, JsonElement? Body)> ExchangeAsync(HttpMethod method, string serviceUrl, string path, JsonObject? body, CancellationToken ct)
    {
        string? token;
        try
        {
            token = await tokens.GetTokenAsync(ct).ConfigureAwait(false);
        }
        catch (BotTokenException ex)
        {
            // Bad credentials will not heal by retrying soon, but an outage of the token endpoint will.
            return (new ConnectorResult(ex.IsCredentialProblem ? 401 : 0, ErrorCode: "TokenUnavailable:" + ex.Error), null);
        }
        catch (HttpRequestException)
        {
            return (new ConnectorResult(0, ErrorCode: "TokenEndpointUnreachable"), null);
        }

        using var request = new HttpRequestMessage(method, new Uri(new Uri(EnsureSlash(serviceUrl)), path));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: TeamsJson.Options);
        }

        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, ct).ConfigureAwait(false);
            var json = await ReadJsonAsync(response, ct).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                var id = json is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty("id", out var idElement) ? idElement.GetString() : null;
                return (new ConnectorResult(status, id), json);
            }

            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                tokens.Invalidate();
            }

            var code = ErrorCode(json);
            LogConnectorError(logger, method.Method, status, code ?? "-");
            return (new ConnectorResult(status, null, RetryAfter(response), code), json);
        }
        catch (HttpRequestException ex)
        {
            LogConnectorError(logger, method.Method, 0, ex.GetType().Name);
            return (new ConnectorResult(0, ErrorCode: "Unreachable"), null);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return (new ConnectorResult(0, ErrorCode: "Timeout"), null);
        }
    }

    private static async Task<JsonElement?> ReadJsonAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // Teams puts the reason in error.code, and for blocked users a subCode "MessageWritesBlocked" (sometimes nested).
    private static string? ErrorCode(JsonElement? json)
    {
        if (json is not { ValueKind: JsonValueKind.Object } root)
        {
            return null;
        }

        var text = root.GetRawText();
        if (text.Contains("MessageWritesBlocked", StringComparison.Ordinal))
        {
            return "MessageWritesBlocked";
        }

        return root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object && error.TryGetProperty("code", out var code)
            ? code.GetString()
            : null;
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - DateTimeOffset.UtcNow;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    private static string Esc(string value) => Uri.EscapeDataString(value);

    private static string EnsureSlash(string url) => url.EndsWith('/') ? url : url + "/";

    [LoggerMessage(EventId = LogEvents.ConnectorError, Level = LogLevel.Warning, Message = "Bot Connector {Method} failed with {Status} ({Code})")]
    private static partial void LogConnectorError(ILogger logger, string method, int status, string code);
}
