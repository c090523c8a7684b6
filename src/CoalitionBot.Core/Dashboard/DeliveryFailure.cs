namespace CoalitionBot.Core.Dashboard;

/// <summary>A message that could not be delivered, and why.</summary>
public sealed record DeliveryFailure(string ContactName, string Purpose, string Route, string? Error);
