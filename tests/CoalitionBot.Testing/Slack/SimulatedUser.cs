namespace CoalitionBot.Testing.Slack;

/// <summary>A person in the simulated workspace.</summary>
public sealed record SimulatedUser(string Id, string Name, string? Email = null, string TimeZone = "Europe/Berlin", bool Deleted = false);
