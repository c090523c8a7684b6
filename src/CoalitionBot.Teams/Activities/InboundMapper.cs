using System.Globalization;
using System.Text;
using System.Text.Json;
using CoalitionBot.Core.Conversation;
using CoalitionBot.Teams.Cards;

namespace CoalitionBot.Teams.Activities;

/// <summary>Reads the neutral who / where / what out of a Teams activity.</summary>
internal static class InboundMapper
{
    /// <summary>
    /// Activity ids are only unique within a conversation (channel message ids are timestamps), so the delivery id
    /// carries the conversation too.
    /// </summary>
    public static string DeliveryId(Activity activity) => $"{activity.Conversation?.Id}|{activity.Id}";

    public static string Tenant(Activity activity)
    {
        if (activity.ChannelData is { ValueKind: JsonValueKind.Object } data
            && data.TryGetProperty("tenant", out var tenant) && tenant.ValueKind == JsonValueKind.Object
            && String(tenant, "id") is { Length: > 0 } tenantId)
        {
            return tenantId;
        }

        return activity.Conversation?.TenantId ?? string.Empty;
    }

    public static bool IsPersonal(Activity activity) =>
        string.Equals(activity.Conversation?.ConversationType, "personal", StringComparison.OrdinalIgnoreCase)
        || (activity.Conversation?.ConversationType is null && activity.Conversation?.IsGroup != true);

    public static Actor Actor(Activity activity)
    {
        var from = activity.From ?? new ChannelAccount(string.Empty);
        var identity = new ChatIdentity(Platform.Teams, Tenant(activity), from.AadObjectId ?? from.Id ?? string.Empty);
        return new Actor(identity, from.Name, Email: null, TimeZone(activity));
    }

    public static Place Place(Activity activity)
    {
        var kind = activity.Conversation?.ConversationType?.ToLowerInvariant() switch
        {
            "channel" => PlaceKind.Channel,
            "groupchat" => PlaceKind.GroupChat,
            _ => activity.Conversation?.IsGroup == true ? PlaceKind.GroupChat : PlaceKind.Direct,
        };
        return new Place(Platform.Teams, Tenant(activity), activity.Conversation?.Id ?? string.Empty, kind, ConversationReference.From(activity).Serialise());
    }

    /// <summary>The IANA time zone Teams reports in the clientInfo entity ("Europe/Berlin"), when it does.</summary>
    public static string? TimeZone(Activity activity)
    {
        foreach (var entity in activity.Entities ?? [])
        {
            if (entity.ValueKind == JsonValueKind.Object && Is(entity, "type", "clientInfo")
                && String(entity, "timezone") is { Length: > 0 } name)
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>
    /// The command text: the bot's own mentions ("&lt;at&gt;CoalitionBot&lt;/at&gt;", as each mention entity's text gives
    /// it) removed, other people's mentions reduced to their names, spaces tidied; line breaks are kept.
    /// </summary>
    public static string CommandText(Activity activity)
    {
        var text = activity.Text ?? string.Empty;
        foreach (var entity in activity.Entities ?? [])
        {
            if (entity.ValueKind != JsonValueKind.Object || !Is(entity, "type", "mention")
                || String(entity, "text") is not { Length: > 0 } mention)
            {
                continue;
            }

            var mentioned = entity.TryGetProperty("mentioned", out var m) && m.ValueKind == JsonValueKind.Object ? m : default;
            var isBot = mentioned.ValueKind == JsonValueKind.Object
                && string.Equals(String(mentioned, "id"), activity.Recipient?.Id, StringComparison.Ordinal);
            var name = mentioned.ValueKind == JsonValueKind.Object ? String(mentioned, "name") ?? string.Empty : string.Empty;
            text = text.Replace(mention, isBot ? " " : name, StringComparison.Ordinal);
        }

        text = text.Replace("&nbsp;", " ", StringComparison.Ordinal).Replace('\u00a0', ' ').Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

        // Tidy spaces within each line but keep the line breaks: `new` and `publish` take the memo's text on the
        // lines after the command, and blank lines separate its paragraphs (§2 anchors count them).
        var lines = text.Split('\n').Select(line => string.Join(' ', line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)));
        return string.Join('\n', lines).Trim();
    }

    /// <summary>
    /// What a card posted back (Action.Submit value, Action.Execute data, dialog data): a form submission when it
    /// names a form, a button action when it names an action, else null.
    /// </summary>
    public static InboundContent? FromCardData(JsonElement? data, string? verb = null)
    {
        if (data is not { ValueKind: JsonValueKind.Object } value)
        {
            return verb is { Length: > 0 } && !verb.StartsWith(CardData.FormVerbPrefix, StringComparison.Ordinal)
                ? new ButtonAction(verb, string.Empty)
                : null;
        }

        if (String(value, CardData.FormId) is { Length: > 0 } formId)
        {
            return new FormSubmission(formId, String(value, CardData.Context) ?? string.Empty, Fields(value));
        }

        var action = String(value, CardData.ActionId) ?? (verb is { Length: > 0 } && !verb.StartsWith(CardData.FormVerbPrefix, StringComparison.Ordinal) ? verb : null);
        return action is null ? null : new ButtonAction(action, String(value, CardData.Value) ?? string.Empty);
    }

    private static Dictionary<string, string?> Fields(JsonElement value)
    {
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        var dateParts = new Dictionary<string, (string? Date, string? Time)>(StringComparer.Ordinal);
        foreach (var property in value.EnumerateObject())
        {
            if (property.Name.StartsWith("cb.", StringComparison.Ordinal) || property.Name == "msteams")
            {
                continue;
            }

            var text = AsString(property.Value);
            if (property.Name.EndsWith(CardData.DatePartSuffix, StringComparison.Ordinal))
            {
                var key = property.Name[..^CardData.DatePartSuffix.Length];
                dateParts[key] = (text, dateParts.GetValueOrDefault(key).Time);
            }
            else if (property.Name.EndsWith(CardData.TimePartSuffix, StringComparison.Ordinal))
            {
                var key = property.Name[..^CardData.TimePartSuffix.Length];
                dateParts[key] = (dateParts.GetValueOrDefault(key).Date, text);
            }
            else
            {
                fields[property.Name] = text;
            }
        }

        foreach (var (key, (date, time)) in dateParts)
        {
            fields[key] = string.IsNullOrWhiteSpace(date) ? null : string.IsNullOrWhiteSpace(time) ? date : $"{date}T{time}";
        }

        return fields;
    }

    private static string? AsString(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number => element.GetRawText(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => element.GetRawText(),
    };

    /// <summary>A string property; any other JSON type (a number where Teams sends a string) reads as absent.</summary>
    private static string? String(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool Is(JsonElement obj, string name, string expected) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
        && string.Equals(value.GetString(), expected, StringComparison.OrdinalIgnoreCase);
}
