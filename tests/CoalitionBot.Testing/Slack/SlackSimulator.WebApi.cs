using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace CoalitionBot.Testing.Slack;

public sealed partial class SlackSimulator
{
    /// <summary>Methods Slack serves form-encoded only (a JSON body reads as no arguments).</summary>
    private static readonly HashSet<string> FormOnly = ["users.info", "users.lookupByEmail", "auth.test", "files.getUploadURLExternal", "apps.connections.open", "conversations.list"];

    private static readonly Dictionary<string, string?> RequiredScope = new()
    {
        ["chat.postMessage"] = "chat:write",
        ["chat.update"] = "chat:write",
        ["chat.postEphemeral"] = "chat:write",
        ["views.open"] = null,
        ["views.push"] = null,
        ["views.update"] = null,
        ["views.publish"] = null,
        ["conversations.open"] = "im:write",
        ["conversations.list"] = "channels:read",
        ["users.info"] = "users:read",
        ["users.lookupByEmail"] = "users:read.email",
        ["auth.test"] = null,
        ["files.getUploadURLExternal"] = "files:write",
        ["files.completeUploadExternal"] = "files:write",
        ["apps.connections.open"] = "connections:write",
    };

    private readonly ConcurrentDictionary<string, DateTimeOffset> triggers = new();
    private readonly ConcurrentDictionary<string, (int Limit, TimeSpan Window)> rateLimits = new();
    private readonly ConcurrentDictionary<string, (int Limit, TimeSpan Window)> channelRateLimits = new();
    private readonly ConcurrentDictionary<string, List<DateTimeOffset>> rateHistory = new();
    private readonly ConcurrentDictionary<string, byte[]> uploads = new();
    private readonly ConcurrentDictionary<string, JsonObject> views = new();
    private readonly ConcurrentDictionary<string, TimeSpan> latencies = new();

    // The calling token's workspace, for the synchronous Dispatch on this thread only.
    [ThreadStatic]
    private static HashSet<string>? members;

    [ThreadStatic]
    private static string? callingTeam;

    /// <summary>Lets at most <paramref name="limit"/> calls of a method through per <paramref name="window"/> (simulator clock); the rest get 429.</summary>
    public void SetRateLimit(string method, int limit, TimeSpan window) => rateLimits[method] = (limit, window);

    /// <summary>
    /// Lets at most <paramref name="limit"/> calls of a method per channel through per <paramref name="window"/>
    /// (Slack's chat.postMessage: about 1 per second per channel, short bursts tolerated), on top of <see cref="SetRateLimit"/>.
    /// </summary>
    public void SetChannelRateLimit(string method, int limit, TimeSpan window) => channelRateLimits[method] = (limit, window);

    /// <summary>
    /// Makes Slack slow to answer a method: the call takes effect when it arrives (a trigger_id is checked then),
    /// the answer leaves <paramref name="latency"/> later on the simulator clock (advance a FakeTimeProvider to let it go).
    /// </summary>
    public void SetLatency(string method, TimeSpan latency) => latencies[method] = latency;

    /// <summary>How many times the bot called a method (answered or not).</summary>
    public int CountCalls(string method) => calls.Count(c => c.Method == method);

    /// <summary>Issues a trigger_id valid for 3 s from now (simulator clock), as Slack does with each interaction.</summary>
    public string IssueTrigger()
    {
        var id = $"{Interlocked.Increment(ref nextId)}.{TeamId}.{Guid.NewGuid():N}";
        triggers[id] = Time.GetUtcNow();
        return id;
    }

    private async Task HandleApiAsync(HttpContext http, string method)
    {
        var (args, isJson) = await ReadArgumentsAsync(http.Request).ConfigureAwait(false);
        if (isJson && FormOnly.Contains(method))
        {
            args = [];
        }

        (callingTeam, members) = (null, null);
        var (status, body, retryAfter) = method == "oauth.v2.access"
            ? (200, OAuthAccess(args), null)
            : Dispatch(method, args, http.Request.Headers.Authorization.ToString());
        calls.Enqueue(new SimulatedApiCall(method, args, status, body["ok"]?.GetValue<bool>() == true ? null : (string?)body["error"], callingTeam));
        Changed();
        if (latencies.TryGetValue(method, out var latency))
        {
            await Task.Delay(latency, Time, http.RequestAborted).ConfigureAwait(false);
        }

        http.Response.StatusCode = status;
        if (retryAfter is { } seconds)
        {
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        http.Response.ContentType = "application/json; charset=utf-8";
        await http.Response.WriteAsync(body.ToJsonString()).ConfigureAwait(false);
        Changed();
    }

    private (int Status, JsonObject Body, int? RetryAfter) Dispatch(string method, JsonObject args, string authorization)
    {
        if (!RequiredScope.TryGetValue(method, out var scope))
        {
            return (404, Error("unknown_method"), null);
        }

        var token = authorization.StartsWith("Bearer ", StringComparison.Ordinal) ? authorization[7..] : null;
        if (string.IsNullOrEmpty(token))
        {
            return (200, Error("not_authed"), null);
        }

        var isApp = token == AppToken;
        var workspace = WorkspaceOf(token, out var tokenError);
        callingTeam = workspace?.TeamId ?? TeamId;
        if (tokenError is not null)
        {
            return (200, Error(tokenError), null);
        }

        if (token != BotToken && !isApp && workspace is null)
        {
            return (200, Error("invalid_auth"), null);
        }

        members = workspace?.Members;

        if (isApp != (method == "apps.connections.open"))
        {
            return (200, Error("not_allowed_token_type"), null);
        }

        if (scope is not null && !isApp && !Scopes.Contains(scope))
        {
            var missing = Error("missing_scope");
            missing["needed"] = scope;
            missing["provided"] = string.Join(",", Scopes);
            return (200, missing, null);
        }

        if (RateLimited(method, Str(args, "channel")) is { } wait)
        {
            return (429, Error("ratelimited"), wait);
        }

        try
        {
            return (200, Method(method, args), null);
        }
        catch (SimulatedSlackError error)
        {
            var body = Error(error.Code);
            if (error.Messages.Count > 0)
            {
                body["response_metadata"] = new JsonObject { ["messages"] = new JsonArray([.. error.Messages.Select(m => (JsonNode)m)]) };
            }

            return (200, body, null);
        }
    }

    private JsonObject Method(string method, JsonObject args) => method switch
    {
        "auth.test" => Ok(new() { ["team_id"] = TeamId, ["team"] = "Coalition", ["user_id"] = BotUserId, ["user"] = "coalitionbot", ["bot_id"] = "B0SIM", ["url"] = "https://coalition.slack.com/" }),
        "chat.postMessage" => PostMessage(args),
        "chat.update" => UpdateMessage(args),
        "chat.postEphemeral" => PostEphemeral(args),
        "views.open" or "views.push" => OpenView(method, args),
        "views.update" => UpdateView(args),
        "views.publish" => PublishView(args),
        "conversations.list" => ListConversations(args),
        "conversations.open" => Ok(new() { ["channel"] = new JsonObject { ["id"] = ResolveChannel(RequireUser(Str(args, "users")).Id) } }),
        "users.info" => Ok(new() { ["user"] = UserJson(RequireUser(Str(args, "user"))) }),
        "users.lookupByEmail" => Ok(new()
        {
            // Like Slack: only people the calling workspace can see (its members; the default token: everyone outside the installed workspaces).
            ["user"] = UserJson(Users.Values.FirstOrDefault(u => string.Equals(u.Email, Str(args, "email"), StringComparison.OrdinalIgnoreCase) && Visible(u.Id))
                ?? throw new SimulatedSlackError("users_not_found")),
        }),
        "files.getUploadURLExternal" => GetUploadUrl(args),
        "files.completeUploadExternal" => CompleteUpload(args),
        "apps.connections.open" => Ok(new() { ["url"] = new Uri($"ws://{BaseUrl.Authority}/socket-mode?ticket={Guid.NewGuid():N}").ToString() }),
        _ => throw new SimulatedSlackError("unknown_method"),
    };

    private JsonObject PostMessage(JsonObject args)
    {
        var channel = ResolveChannel(Str(args, "channel"));
        if (Channels.TryGetValue(channel, out var where) && !where.BotIsMember && (where.Private || !Scopes.Contains("chat:write.public")))
        {
            throw new SimulatedSlackError(where.Private ? "channel_not_found" : "not_in_channel"); // a private channel is invisible to non-members
        }

        var (text, blocks) = MessageContent(args);
        var ts = NextTs();
        Messages.Enqueue(new SimulatedMessage(channel, ts, text, blocks));
        return Ok(new() { ["channel"] = channel, ["ts"] = ts, ["message"] = new JsonObject { ["text"] = text, ["ts"] = ts } });
    }

    private JsonObject UpdateMessage(JsonObject args)
    {
        var channel = ResolveChannel(Str(args, "channel"));
        var ts = Str(args, "ts");
        UpdatableMessage(channel, ts);
        var (text, blocks) = MessageContent(args);
        Messages.Enqueue(new SimulatedMessage(channel, ts!, text, blocks, Edit: true));
        return Ok(new() { ["channel"] = channel, ["ts"] = ts, ["text"] = text });
    }

    private JsonObject PostEphemeral(JsonObject args)
    {
        var channel = ResolveChannel(Str(args, "channel"));
        var user = RequireUser(Str(args, "user"));
        var (text, blocks) = MessageContent(args);
        var ts = NextTs();
        Messages.Enqueue(new SimulatedMessage(channel, ts, text, blocks, user.Id));
        return Ok(new() { ["message_ts"] = ts });
    }

    private JsonObject OpenView(string method, JsonObject args)
    {
        var trigger = Str(args, "trigger_id") ?? throw new SimulatedSlackError("invalid_arguments");
        if (!triggers.TryRemove(trigger, out var issued))
        {
            throw new SimulatedSlackError("invalid_trigger_id");
        }

        if (Time.GetUtcNow() - issued > TimeSpan.FromSeconds(3))
        {
            throw new SimulatedSlackError("expired_trigger_id");
        }

        return StoreView(method, args["view"], null);
    }

    private JsonObject UpdateView(JsonObject args)
    {
        var id = Str(args, "view_id");
        if (id is null || !views.ContainsKey(id))
        {
            throw new SimulatedSlackError("not_found");
        }

        return StoreView("views.update", args["view"], id);
    }

    private JsonObject PublishView(JsonObject args)
    {
        RequireUser(Str(args, "user_id"));
        if ((string?)args["view"]?["type"] != "home")
        {
            throw new SimulatedSlackError("invalid_arguments", "views.publish needs a home view");
        }

        return StoreView("views.publish", args["view"], null);
    }

    private JsonObject StoreView(string method, JsonNode? node, string? id)
    {
        var errors = BlockKitValidator.ValidateView(node);
        if (errors.Count > 0)
        {
            throw new SimulatedSlackError("invalid_arguments", [.. errors]);
        }

        var view = (JsonObject)node!.DeepClone();
        id ??= NextId("V");
        view["id"] = id;
        view["hash"] = NextTs();
        views[id] = view;
        Views.Enqueue((method, (JsonObject)view.DeepClone()));
        return Ok(new() { ["view"] = view.DeepClone() });
    }

    private JsonObject GetUploadUrl(JsonObject args)
    {
        if (Str(args, "filename") is null || !int.TryParse(Str(args, "length"), out _))
        {
            throw new SimulatedSlackError("invalid_arguments");
        }

        var fileId = NextId("F");
        return Ok(new() { ["upload_url"] = new Uri(BaseUrl, "upload/" + fileId).ToString(), ["file_id"] = fileId });
    }

    private JsonObject CompleteUpload(JsonObject args)
    {
        if (args["files"] is not JsonArray files || files.Count == 0)
        {
            throw new SimulatedSlackError("invalid_arguments");
        }

        foreach (var file in files)
        {
            if ((string?)file?["id"] is not { } id || !uploads.ContainsKey(id))
            {
                throw new SimulatedSlackError("file_not_found");
            }
        }

        if (Str(args, "channel_id") is { } channel)
        {
            ResolveChannel(channel);
        }

        return Ok(new() { ["files"] = files.DeepClone() });
    }

    private (string? Text, JsonArray? Blocks) MessageContent(JsonObject args)
    {
        var text = Str(args, "text");
        var blocksNode = args["blocks"] is JsonValue raw && raw.TryGetValue<string>(out var s) ? JsonNode.Parse(s) : args["blocks"];
        if (string.IsNullOrEmpty(text) && blocksNode is null)
        {
            throw new SimulatedSlackError("no_text");
        }

        if (text is { Length: > 4000 })
        {
            throw new SimulatedSlackError("msg_too_long");
        }

        var errors = BlockKitValidator.ValidateMessage(blocksNode, text);
        if (errors.Count > 0)
        {
            throw new SimulatedSlackError("invalid_blocks", [.. errors]);
        }

        if ((bool?)args["link_names"] == true)
        {
            throw new SimulatedSlackError("invalid_arguments", "link_names must never be sent (PROTOCOLS.md)");
        }

        return (text, (JsonArray?)blocksNode?.DeepClone());
    }

    private string ResolveChannel(string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            throw new SimulatedSlackError("channel_not_found");
        }

        if (id.StartsWith('U') || id.StartsWith('W'))
        {
            var user = RequireUser(id);
            if (user.Deleted)
            {
                throw new SimulatedSlackError("account_inactive");
            }

            if (DmRefusal(user.Id) is { } refusal)
            {
                throw new SimulatedSlackError(refusal);
            }

            return DirectChannelOf(user.Id);
        }

        if (!Channels.TryGetValue(id, out var channel))
        {
            throw new SimulatedSlackError("channel_not_found");
        }

        return channel.Archived ? throw new SimulatedSlackError("is_archived") : channel.Id;
    }

    /// <summary>A user visible to the calling token: a workspace's token sees only its members, the default token everyone else.</summary>
    private SimulatedUser RequireUser(string? id) =>
        id is not null && Users.TryGetValue(id, out var user) && Visible(id) ? user : throw new SimulatedSlackError("user_not_found");

    private bool Visible(string userId) => members?.Contains(userId) ?? !Workspaces.Values.Any(w => w.Members.Contains(userId));

    private JsonObject UserJson(SimulatedUser user)
    {
        var profile = new JsonObject { ["real_name"] = user.Name, ["display_name"] = user.Name };
        if (Scopes.Contains("users:read.email") && user.Email is not null)
        {
            profile["email"] = user.Email;
        }

        return new JsonObject
        {
            ["id"] = user.Id, ["team_id"] = user.HomeTeamId ?? callingTeam ?? TeamId, ["name"] = user.Name, ["real_name"] = user.Name, ["deleted"] = user.Deleted,
            ["tz"] = user.TimeZone, ["is_bot"] = user.Id == BotUserId, ["is_restricted"] = user.Guest, ["is_stranger"] = user.HomeTeamId is not null,
            ["profile"] = profile,
        };
    }

    private int? RateLimited(string method, string? channel)
    {
        var perChannel = channel is not null && channelRateLimits.TryGetValue(method, out var c) ? c : ((int, TimeSpan)?)null;
        var perMethod = rateLimits.TryGetValue(method, out var m) ? m : ((int, TimeSpan)?)null;
        if (perChannel is null && perMethod is null)
        {
            return null;
        }

        // Both windows are checked under one lock so a call refused by one limit does not use up the other.
        var now = Time.GetUtcNow();
        var channelHistory = perChannel is null ? null : rateHistory.GetOrAdd(method + ":" + channel, _ => []);
        var methodHistory = perMethod is null ? null : rateHistory.GetOrAdd(method, _ => []);
        lock (rateHistory)
        {
            var wait = Math.Max(Wait(channelHistory, perChannel, now), Wait(methodHistory, perMethod, now));
            if (wait > 0)
            {
                return wait;
            }

            channelHistory?.Add(now);
            methodHistory?.Add(now);
            return null;
        }
    }

    private static int Wait(List<DateTimeOffset>? history, (int Limit, TimeSpan Window)? limit, DateTimeOffset now)
    {
        if (history is null || limit is not { } l)
        {
            return 0;
        }

        history.RemoveAll(t => now - t >= l.Window);
        return history.Count < l.Limit ? 0 : Math.Max(1, (int)Math.Ceiling((history[0] + l.Window - now).TotalSeconds));
    }

    private static async Task<(JsonObject Args, bool IsJson)> ReadArgumentsAsync(HttpRequest request)
    {
        if (request.HasJsonContentType())
        {
            return ((await JsonNode.ParseAsync(request.Body).ConfigureAwait(false)) as JsonObject ?? [], true);
        }

        var args = new JsonObject();
        if (request.HasFormContentType)
        {
            foreach (var (key, value) in await request.ReadFormAsync().ConfigureAwait(false))
            {
                args[key] = value.ToString();
            }
        }

        return (args, false);
    }

    private static string? Str(JsonObject args, string name) => args[name] switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v => v.ToJsonString(),
        _ => null,
    };

    private static JsonObject Ok(JsonObject body)
    {
        body["ok"] = true;
        return body;
    }

    private static JsonObject Error(string code) => new() { ["ok"] = false, ["error"] = code };

    private sealed class SimulatedSlackError(string code, params string[] messages) : Exception(code)
    {
        public string Code { get; } = code;

        public IReadOnlyList<string> Messages { get; } = messages;
    }
}
