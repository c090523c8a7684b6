using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace CoalitionBot.Testing.Teams;

/// <summary>The connector's conversation routes: create a 1:1 chat, write activities, read members.</summary>
public sealed partial class BotFrameworkSimulator
{
    /// <summary>
    /// A conversation as its members see it: each activity the bot posted (POST or reply), in order, as its last PUT left
    /// it; deleted ones gone.
    /// </summary>
    public IReadOnlyList<RecordedActivity> Conversation(string? conversationId)
    {
        var log = Activities.Where(a => a.ConversationId == conversationId).ToList();
        return log.Where(a => a.Method is "POST" or "REPLY" && !log.Any(d => d.Method == "DELETE" && d.ActivityId == a.ActivityId))
            .Select(a => log.LastOrDefault(u => u.Method == "PUT" && u.ActivityId == a.ActivityId) is { } update ? a with { Body = update.Body, Bytes = update.Bytes } : a)
            .ToList();
    }

    /// <summary>How many times the bot updated (PUT) the activity.</summary>
    public int UpdatesOf(string conversationId, string activityId) =>
        Activities.Count(a => a.Method == "PUT" && a.ConversationId == conversationId && a.ActivityId == activityId);

    /// <summary>The id of the bot's 1:1 chat with this member (29: id), as POST /v3/conversations answers it every time.</summary>
    public static string ChatIdFor(string memberId) =>
        "a:1" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(memberId)))[..24];

    private async Task<IResult> CreateConversation(HttpContext context)
    {
        if (!Authorised(context))
        {
            return ConnectorError(401, "Unauthorized", "Authorization has been denied for this request.");
        }

        var body = await JsonNode.ParseAsync(context.Request.Body).ConfigureAwait(false) as JsonObject;
        var member = body?["members"]?.AsArray().FirstOrDefault()?["id"]?.GetValue<string>();
        var tenant = body?["tenantId"]?.GetValue<string>() ?? body?["channelData"]?["tenant"]?["id"]?.GetValue<string>();
        if (string.IsNullOrEmpty(member) || body?["bot"]?["id"] is null)
        {
            return ConnectorError(400, "BadArgument", "Bot and members are required.");
        }

        if (!string.Equals(tenant, Options.TenantId, StringComparison.OrdinalIgnoreCase))
        {
            return ConnectorError(400, "BadArgument", "Tenant id is required and must be the user's tenant.");
        }

        if (!MayOpenChatWith(member))
        {
            // The bot can start a chat only with someone who shares a team or chat with it, or has it installed.
            return ConnectorError(403, "BotNotInConversationRoster", "The bot is not part of the conversation roster.");
        }

        // Teams answers with the existing 1:1 chat when there is one.
        var id = ChatIdFor(member);
        conversationMembers[id] = member;
        return Results.Json(new JsonObject { ["id"] = id }, statusCode: 201);
    }

    private async Task<IResult> Write(HttpContext context, string method, string conversationId, string? activityId)
    {
        if (!Authorised(context))
        {
            return ConnectorError(401, "Unauthorized", "Authorization has been denied for this request.");
        }

        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer).ConfigureAwait(false);
        var bytes = (int)buffer.Length;
        JsonObject body = [];
        if (method != "DELETE")
        {
            if (bytes > MaxActivityBytes)
            {
                return ConnectorError(413, "MessageSizeTooBig", "Message size too big.");
            }

            body = JsonNode.Parse(buffer.ToArray()) as JsonObject ?? [];
            if (body["type"]?.GetValue<string>() != "message")
            {
                return ConnectorError(400, "BadArgument", "Activity type must be message.");
            }
        }

        if (failures.TryDequeue(out var failure))
        {
            return ConnectorError(failure.Status, failure.Code, "Injected failure.", failure.RetryAfter);
        }

        if (RefuseTeamWrite(conversationId) is { } refused)
        {
            return refused;
        }

        if (conversationMembers.TryGetValue(conversationId, out var member) && blockedUsers.ContainsKey(member))
        {
            return Results.Json(
                new JsonObject
                {
                    ["error"] = new JsonObject
                    {
                        ["code"] = "ConversationBlockedByUser",
                        ["message"] = "User blocked the conversation with the bot.",
                        ["subCode"] = "MessageWritesBlocked",
                    },
                },
                statusCode: 403);
        }

        if ((method is "PUT" or "DELETE") && (activityId is null || !activityIds.ContainsKey(conversationId + "|" + activityId)))
        {
            return ConnectorError(404, "ActivityNotFound", "The activity to update was not found.");
        }

        if (ConversationThrottled(conversationId) is { } wait)
        {
            return ConnectorError(429, "Throttled", "Too many requests to this conversation.", wait);
        }

        var id = method is "PUT" or "DELETE" ? activityId! : "1:" + Interlocked.Increment(ref nextActivity).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        activityIds[conversationId + "|" + id] = 0;
        Record(new RecordedActivity(method, conversationId, id, body["replyToId"]?.GetValue<string>() ?? (method == "REPLY" ? activityId : null), body, bytes));
        return method == "DELETE" ? Results.Ok() : Results.Json(new JsonObject { ["id"] = id }, statusCode: method == "PUT" ? 200 : 201);
    }

    private IResult Members(HttpContext context, string conversationId, string? memberId)
    {
        if (!Authorised(context))
        {
            return ConnectorError(401, "Unauthorized", "Authorization has been denied for this request.");
        }

        if (memberId is not null && (roster.TryGetValue(memberId, out var known) || (known = TeamMember(conversationId, memberId)) is not null))
        {
            return Results.Json(known.DeepClone());
        }

        var id = conversationMembers.GetValueOrDefault(conversationId) ?? "29:1sim-user";
        if (roster.TryGetValue(id, out var chatMember))
        {
            return memberId is null ? Results.Json(new JsonArray(chatMember.DeepClone())) : ConnectorError(404, "MemberNotFoundInConversation", "The member was not found.");
        }

        var member = new JsonObject
        {
            ["id"] = id,
            ["name"] = "Simulated User",
            ["aadObjectId"] = "00000000-0000-0000-0000-0000000000aa",
            ["email"] = "user@example.org",
            ["userPrincipalName"] = "user@example.org",
            ["tenantId"] = Options.TenantId,
        };
        if (memberId is not null)
        {
            return memberId == id ? Results.Json(member) : ConnectorError(404, "MemberNotFoundInConversation", "The member was not found.");
        }

        return Results.Json(new JsonArray(member));
    }
}
