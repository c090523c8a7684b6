namespace CoalitionBot.Core.Outbox.Budget;

/// <summary>One budget: its name (platform, workspace or tenant, method) and the platform's limit per sliding window.</summary>
public sealed record SendBudgetKey(string Name, int Limit, TimeSpan Window);
