using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace CoalitionBot.Testing.Slack;

/// <summary>
/// conversations.list as Slack answers it (Tier 2, scope channels:read; groups:read too when private channels are
/// asked for): the workspace's channels a page at a time (limit, default 100, at most 1,000; response_metadata.next_cursor
/// empty on the last page); private channels only where the bot is a member; archived ones unless exclude_archived.
/// </summary>
public sealed partial class SlackSimulator
{
    private JsonObject ListConversations(JsonObject args)
    {
        var types = (Str(args, "types") is { Length: > 0 } t ? t : "public_channel").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (types.Any(type => type is not ("public_channel" or "private_channel" or "mpim" or "im")))
        {
            throw new SimulatedSlackError("invalid_types");
        }

        if (types.Contains("private_channel") && !Scopes.Contains("groups:read"))
        {
            throw new SimulatedSlackError("missing_scope");
        }

        var excludeArchived = Str(args, "exclude_archived") is "true" or "1";
        var limit = int.TryParse(Str(args, "limit"), NumberStyles.None, CultureInfo.InvariantCulture, out var asked) && asked > 0 ? Math.Min(asked, 1000) : 100;
        var offset = 0;
        if (Str(args, "cursor") is { Length: > 0 } cursor && !TryReadCursor(cursor, out offset))
        {
            throw new SimulatedSlackError("invalid_cursor");
        }

        var listed = Channels.Values
            .Where(c => !c.Id.StartsWith('D') && c.Name != "directmessage")
            .Where(c => c.Private ? types.Contains("private_channel") && c.BotIsMember : types.Contains("public_channel"))
            .Where(c => !excludeArchived || !c.Archived)
            .OrderBy(c => c.Id, StringComparer.Ordinal)
            .ToList();
        var page = listed.Skip(offset).Take(limit).Select(c => (JsonNode)new JsonObject
        {
            ["id"] = c.Id,
            ["name"] = c.Name,
            ["is_channel"] = !c.Private,
            ["is_group"] = c.Private,
            ["is_private"] = c.Private,
            ["is_archived"] = c.Archived,
            ["is_member"] = c.BotIsMember,
            ["is_shared"] = c.Shared,
            ["is_ext_shared"] = c.Shared,
        });
        var next = offset + limit < listed.Count ? Convert.ToBase64String(Encoding.UTF8.GetBytes("offset:" + (offset + limit).ToString(CultureInfo.InvariantCulture))) : "";
        return Ok(new() { ["channels"] = new JsonArray([.. page]), ["response_metadata"] = new JsonObject { ["next_cursor"] = next } });
    }

    private static bool TryReadCursor(string cursor, out int offset)
    {
        offset = 0;
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            return text.StartsWith("offset:", StringComparison.Ordinal) && int.TryParse(text[7..], NumberStyles.None, CultureInfo.InvariantCulture, out offset);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
