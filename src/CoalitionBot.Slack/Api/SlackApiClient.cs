using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoalitionBot.Slack.Installations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Slack.Api;

/// <summary>
/// Slack Web API over HTTP: JSON bodies for write methods, form bodies for read methods, Bearer token,
/// <c>ok:false</c> → <see cref="SlackApiException"/>, 429 → <see cref="SlackRateLimitedException"/> (and remembered).
/// The token is the current team's (<see cref="SlackTeamScope"/>) when distributed, else Slack:BotToken.
/// </summary>
public sealed partial class SlackApiClient(
    HttpClient http, IOptionsMonitor<SlackOptions> options, SlackRateLimiter limiter, SlackTokenSource tokens, ILogger<SlackApiClient> log)
{
    /// <summary>Methods Slack documents as not taking JSON bodies: we send them form-encoded.</summary>
    private static readonly HashSet<string> FormMethods = new(StringComparer.Ordinal)
    {
        "users.info", "users.lookupByEmail", "auth.test", "files.getUploadURLExternal", "apps.connections.open", "conversations.list",
    };

    public async Task<SlackPostedMessage> PostMessageAsync(string channel, string text, JsonArray? blocks, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["channel"] = channel, ["text"] = text, ["unfurl_links"] = false, ["unfurl_media"] = false };
        if (blocks is not null)
        {
            body["blocks"] = blocks;
        }

        var result = await CallAsync("chat.postMessage", body, cancellationToken, channel).ConfigureAwait(false);
        return new SlackPostedMessage((string)result["channel"]!, (string)result["ts"]!);
    }

    public async Task<SlackPostedMessage> UpdateMessageAsync(string channel, string ts, string text, JsonArray? blocks, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["channel"] = channel, ["ts"] = ts, ["text"] = text, ["blocks"] = blocks ?? [] };
        var result = await CallAsync("chat.update", body, cancellationToken, channel).ConfigureAwait(false);
        return new SlackPostedMessage((string)result["channel"]!, (string)result["ts"]!);
    }

    public Task PostEphemeralAsync(string channel, string user, string text, JsonArray? blocks, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["channel"] = channel, ["user"] = user, ["text"] = text };
        if (blocks is not null)
        {
            body["blocks"] = blocks;
        }

        return CallAsync("chat.postEphemeral", body, cancellationToken, channel);
    }

    public Task<JsonObject> OpenViewAsync(string triggerId, JsonObject view, CancellationToken cancellationToken) =>
        CallAsync("views.open", new JsonObject { ["trigger_id"] = triggerId, ["view"] = view }, cancellationToken);

    public Task<JsonObject> PushViewAsync(string triggerId, JsonObject view, CancellationToken cancellationToken) =>
        CallAsync("views.push", new JsonObject { ["trigger_id"] = triggerId, ["view"] = view }, cancellationToken);

    public Task<JsonObject> UpdateViewAsync(string viewId, JsonObject view, string? hash, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["view_id"] = viewId, ["view"] = view };
        if (hash is not null)
        {
            body["hash"] = hash;
        }

        return CallAsync("views.update", body, cancellationToken);
    }

    public Task<JsonObject> PublishViewAsync(string userId, JsonObject view, CancellationToken cancellationToken) =>
        CallAsync("views.publish", new JsonObject { ["user_id"] = userId, ["view"] = view }, cancellationToken);

    /// <summary>Opens (or finds) the app's DM with a user and returns its channel id.</summary>
    public async Task<string> OpenConversationAsync(string userId, CancellationToken cancellationToken)
    {
        var result = await CallAsync("conversations.open", new JsonObject { ["users"] = userId }, cancellationToken).ConfigureAwait(false);
        return (string)result["channel"]!["id"]!;
    }

    /// <summary>
    /// conversations.list, one page: the workspace's channels of these types (archived ones left out), and the cursor of
    /// the next page (null on the last).
    /// </summary>
    public async Task<(IReadOnlyList<SlackChannel> Channels, string? NextCursor)> ListChannelsAsync(string types, string? cursor, CancellationToken cancellationToken)
    {
        var args = new JsonObject { ["types"] = types, ["exclude_archived"] = "true", ["limit"] = "200" };
        if (!string.IsNullOrEmpty(cursor))
        {
            args["cursor"] = cursor;
        }

        var result = await CallAsync("conversations.list", args, cancellationToken).ConfigureAwait(false);
        var channels = (result["channels"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Where(c => c["id"] is JsonValue && c["name"] is JsonValue)
            .Select(c => new SlackChannel((string)c["id"]!, (string)c["name"]!, c["is_private"]?.GetValue<bool>() == true, c["is_member"]?.GetValue<bool>() == true))
            .ToList();
        var next = (string?)result["response_metadata"]?["next_cursor"];
        return (channels, string.IsNullOrEmpty(next) ? null : next);
    }

    public async Task<SlackUser> GetUserAsync(string userId, CancellationToken cancellationToken)
    {
        var result = await CallAsync("users.info", new JsonObject { ["user"] = userId }, cancellationToken).ConfigureAwait(false);
        return ReadUser(result["user"]!.AsObject());
    }

    public async Task<SlackUser> LookupUserByEmailAsync(string email, CancellationToken cancellationToken)
    {
        var result = await CallAsync("users.lookupByEmail", new JsonObject { ["email"] = email }, cancellationToken).ConfigureAwait(false);
        return ReadUser(result["user"]!.AsObject());
    }

    /// <summary>auth.test: the workspace and bot identity of the bot token.</summary>
    public async Task<(string TeamId, string UserId, string? BotId)> AuthTestAsync(CancellationToken cancellationToken)
    {
        var result = await CallAsync("auth.test", [], cancellationToken).ConfigureAwait(false);
        return ((string)result["team_id"]!, (string)result["user_id"]!, (string?)result["bot_id"]);
    }

    /// <summary>Uploads a file (files.getUploadURLExternal, raw POST, files.completeUploadExternal) and shares it in a channel.</summary>
    public async Task<string> UploadFileAsync(string channel, string fileName, byte[] content, string title, string? initialComment, CancellationToken cancellationToken)
    {
        var ticket = await CallAsync(
            "files.getUploadURLExternal",
            new JsonObject { ["filename"] = fileName, ["length"] = content.Length },
            cancellationToken).ConfigureAwait(false);
        var uploadUrl = (string)ticket["upload_url"]!;
        var fileId = (string)ticket["file_id"]!;

        using (var upload = new ByteArrayContent(content))
        {
            upload.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            using var response = await http.PostAsync(new Uri(uploadUrl), upload, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new SlackTransientException("files.upload", $"upload URL answered {(int)response.StatusCode}");
            }
        }

        var complete = new JsonObject
        {
            ["files"] = new JsonArray(new JsonObject { ["id"] = fileId, ["title"] = title }),
            ["channel_id"] = channel,
        };
        if (initialComment is not null)
        {
            complete["initial_comment"] = initialComment;
        }

        await CallAsync("files.completeUploadExternal", complete, cancellationToken).ConfigureAwait(false);
        return fileId;
    }

    /// <summary>apps.connections.open with the app-level token: the Socket Mode WebSocket URL.</summary>
    public async Task<Uri> OpenSocketUrlAsync(CancellationToken cancellationToken)
    {
        var token = options.CurrentValue.AppToken ?? throw new InvalidOperationException("Slack:AppToken is not configured.");
        var result = await CallAsync("apps.connections.open", [], cancellationToken, token: token).ConfigureAwait(false);
        return new Uri((string)result["url"]!);
    }

    /// <summary>Posts a reply to an interaction's or slash command's response_url (no token: the URL is the credential).</summary>
    public async Task PostToResponseUrlAsync(string responseUrl, JsonObject body, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(new Uri(responseUrl), body, cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        if (status is >= 400 and < 500 and not 429)
        {
            throw new SlackResponseUrlGoneException(status);
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new SlackTransientException("response_url", $"answered {status}");
        }
    }

    /// <summary>Calls any method. <paramref name="channel"/> is only used for per-channel pacing.</summary>
    public async Task<JsonObject> CallAsync(string method, JsonObject arguments, CancellationToken cancellationToken, string? channel = null, string? token = null)
    {
        var reservation = await limiter.AcquireAsync(method, channel, cancellationToken).ConfigureAwait(false);
        try
        {
            return await SendAsync(method, arguments, token, channel, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await limiter.AnsweredAsync(reservation, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task<JsonObject> SendAsync(string method, JsonObject arguments, string? token, string? channel, CancellationToken cancellationToken)
    {
        token ??= await tokens.GetAsync(cancellationToken).ConfigureAwait(false);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(BaseUri(), method));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Content = FormMethods.Contains(method)
            ? new FormUrlEncodedContent(arguments.Select(p => KeyValuePair.Create(p.Key, ToFormValue(p.Value))))
            : JsonContent.Create(arguments);

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or Polly.Timeout.TimeoutRejectedException
            && !cancellationToken.IsCancellationRequested)
        {
            throw new SlackTransientException(method, ex.GetType().Name, ex);
        }

        using (response)
        {
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var after = RetryAfter(response);
                limiter.Block(method, channel, after);
                LogRateLimited(log, method, after.TotalSeconds);
                throw new SlackRateLimitedException(method, after);
            }

            if ((int)response.StatusCode >= 500 || !response.IsSuccessStatusCode)
            {
                throw new SlackTransientException(method, $"HTTP {(int)response.StatusCode}");
            }

            JsonObject json;
            try
            {
                json = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken).ConfigureAwait(false)
                    ?? throw new SlackTransientException(method, "empty body");
            }
            catch (JsonException ex)
            {
                throw new SlackTransientException(method, "answer was not JSON", ex);
            }
            if (json["ok"]?.GetValue<bool>() != true)
            {
                var error = (string?)json["error"] ?? "unknown_error";
                var messages = json["response_metadata"]?["messages"]?.AsArray().Select(m => (string?)m ?? string.Empty).ToList();
                LogApiError(log, method, error);
                throw new SlackApiException(method, error, (string?)json["needed"], messages);
            }

            return json;
        }
    }

    private Uri BaseUri()
    {
        var baseUrl = options.CurrentValue.ApiBaseUrl;
        return new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/");
    }

    private static TimeSpan RetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter?.Delta is { } delta)
        {
            return delta;
        }

        return response.Headers.TryGetValues("Retry-After", out var values)
            && int.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : TimeSpan.FromSeconds(30);
    }

    private static string ToFormValue(JsonNode? node) => node switch
    {
        null => string.Empty,
        JsonValue value when value.TryGetValue<string>(out var s) => s,
        _ => node.ToJsonString(),
    };

    private static SlackUser ReadUser(JsonObject user) => new(
        (string)user["id"]!,
        (string?)user["team_id"] ?? string.Empty,
        (string?)user["name"],
        (string?)user["real_name"] ?? (string?)user["profile"]?["real_name"],
        (string?)user["profile"]?["email"],
        (string?)user["tz"],
        user["deleted"]?.GetValue<bool>() == true,
        user["is_bot"]?.GetValue<bool>() == true);

    [LoggerMessage(EventId = LogEvents.ApiRateLimited, Level = LogLevel.Warning, Message = "Slack rate-limited {Method}; waiting {Seconds} s before calling it again")]
    private static partial void LogRateLimited(ILogger logger, string method, double seconds);

    [LoggerMessage(EventId = LogEvents.ApiError, Level = LogLevel.Warning, Message = "Slack {Method} answered error {Error}")]
    private static partial void LogApiError(ILogger logger, string method, string error);
}
