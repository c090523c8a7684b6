namespace CoalitionBot.Testing.Slack;

/// <summary>
/// A person in the simulated workspace. <paramref name="Guest"/>: a single- or multi-channel guest (is_restricted);
/// <paramref name="HomeTeamId"/>: a Slack Connect member from another workspace (their team_id is theirs, not ours).
/// </summary>
public sealed record SimulatedUser(string Id, string Name, string? Email = null, string TimeZone = "Europe/Berlin", bool Deleted = false, bool Guest = false, string? HomeTeamId = null);
