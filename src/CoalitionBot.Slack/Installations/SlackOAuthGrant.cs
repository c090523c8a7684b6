namespace CoalitionBot.Slack.Installations;

/// <summary>What oauth.v2.access answered: the bot token of one workspace, and with token rotation its refresh token and lifetime.</summary>
internal sealed record SlackOAuthGrant(
    string AccessToken,
    string TeamId,
    string? EnterpriseId,
    string BotUserId,
    string Scopes,
    string? InstalledBy,
    string? RefreshToken,
    TimeSpan? ExpiresIn);
