namespace CoalitionBot.Core.Dashboard;

/// <summary>The outcome of redeeming a link: the new session's token and expiry when <see cref="State"/> is usable.</summary>
public sealed record SignInResult(LinkState State, string? SessionToken = null, DateTimeOffset? ExpiresAt = null);
