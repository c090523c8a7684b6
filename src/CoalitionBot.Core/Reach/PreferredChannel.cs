using CoalitionBot.Core.Conversation;

namespace CoalitionBot.Core.Reach;

/// <summary>The words for a contact's preferred channel, as typed (`prefers email`) and in the directory CSV's `channel` column.</summary>
public static class PreferredChannel
{
    /// <summary>Slack, Teams or Email for "slack", "teams", "email"/"e-mail" (any case); null for anything else.</summary>
    public static Platform? Parse(string? word) => word?.Trim().ToLowerInvariant().Replace("-", "", StringComparison.Ordinal) switch
    {
        "slack" => Platform.Slack,
        "teams" => Platform.Teams,
        "email" or "mail" => Platform.Email,
        _ => null,
    };

    /// <summary>The CSV word for a preference (null when none).</summary>
    public static string? Format(Platform? platform) => platform switch
    {
        Platform.Slack => "slack",
        Platform.Teams => "teams",
        Platform.Email => "email",
        _ => null,
    };
}
