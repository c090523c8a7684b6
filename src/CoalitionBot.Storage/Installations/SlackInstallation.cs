namespace CoalitionBot.Storage.Installations;

/// <summary>
/// One workspace's installation of the distributed Slack app. Tokens are stored only as Data Protection ciphertext
/// (the Slack adapter protects and unprotects them); one row per team, kept (deactivated) after an uninstall.
/// </summary>
public sealed class SlackInstallation
{
    public long Id { get; set; }

    public required string TeamId { get; set; }

    public string? EnterpriseId { get; set; }

    public required string BotUserId { get; set; }

    public required string ProtectedBotToken { get; set; }

    public string Scopes { get; set; } = string.Empty;

    public string? InstalledBy { get; set; }

    /// <summary>With token rotation on: the protected refresh token and when the bot token expires.</summary>
    public string? ProtectedRefreshToken { get; set; }

    public DateTimeOffset? TokenExpiresAt { get; set; }

    /// <summary>Until when one instance holds the right to refresh this token (so two instances never refresh one installation).</summary>
    public DateTimeOffset? RefreshLeaseUntil { get; set; }

    public DateTimeOffset InstalledAt { get; set; }

    /// <summary>Set by app_uninstalled / tokens_revoked; a later install clears it.</summary>
    public DateTimeOffset? DeactivatedAt { get; set; }
}
