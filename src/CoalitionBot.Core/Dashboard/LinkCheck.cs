namespace CoalitionBot.Core.Dashboard;

/// <summary>What a sign-in link is worth now: usable (for whom), expired, already used, or unknown.</summary>
public sealed record LinkCheck(LinkState State, string? CoordinatorName = null);
