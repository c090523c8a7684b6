namespace CoalitionBot.Core.Dashboard;

/// <summary>A given answer: the name as it should appear, who signed and as what, for which version, when, and by which route.</summary>
public sealed record BoardAnswer(
    string DisplayName, string? SignatoryName, string? SignatoryTitle, int Version, DateTimeOffset At, string Route, string ActorName,
    string? Reason, bool Late, bool AwaitingApproval, bool NeedsReconfirmation);
