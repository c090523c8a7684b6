namespace CoalitionBot.Documents;

/// <summary>Two organisations that are probably the same, and why we think so.</summary>
public sealed record DuplicatePair(string First, string Second, string Reason);
