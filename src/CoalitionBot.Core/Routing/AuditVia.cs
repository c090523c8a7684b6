using CoalitionBot.Core.Conversation;

namespace CoalitionBot.Core.Routing;

/// <summary>The words the audit trail uses for how a change reached the bot.</summary>
public static class AuditVia
{
    public const string Automatic = "automatic";

    public static string Of(Inbound inbound) => inbound.Place.TenantId == Reminders.SystemRequest.Tenant && inbound.Place.Platform == Platform.Web
        ? Automatic
        : inbound.Place.Platform switch
        {
            Platform.Slack => "Slack",
            Platform.Teams => "Teams",
            Platform.Email => "e-mail link",
            _ => "web channel",
        };

    /// <summary>"Amira Haddad (Slack)", or the bot for its own work.</summary>
    public static string Describe(string? actorName, string? via) => actorName is null
        ? via is null or Automatic ? "CoalitionBot (automatic)" : $"unknown ({via})"
        : via is null ? actorName : $"{actorName} ({via})";
}
