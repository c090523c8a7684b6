namespace CoalitionBot.Testing.Slack;

/// <summary>
/// Another Slack workspace the distributed app can be installed in: its members (ids unique across the simulator), its
/// bot user, and the token pair its install issued. The simulator's own workspace (<see cref="SlackSimulator.TeamId"/>) is not one of these.
/// </summary>
public sealed class SimulatedWorkspace(string teamId, string name, string? enterpriseId = null)
{
    public string TeamId { get; } = teamId;

    public string Name { get; } = name;

    public string? EnterpriseId { get; } = enterpriseId;

    public string BotUserId { get; } = "UBOT" + teamId;

    public HashSet<string> Members { get; } = [];

    /// <summary>The bot token issued at the latest install or refresh; null before the install.</summary>
    public string? BotToken { get; internal set; }

    public string? RefreshToken { get; internal set; }

    public DateTimeOffset? TokenExpiresAt { get; internal set; }

    /// <summary>True after the app was uninstalled or its tokens revoked: calls answer token_revoked.</summary>
    public bool Revoked { get; internal set; }
}
