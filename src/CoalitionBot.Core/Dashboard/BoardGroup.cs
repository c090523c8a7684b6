namespace CoalitionBot.Core.Dashboard;

/// <summary>One category's rows in the final list's order; <paramref name="Category"/> is null for uncategorised ones.</summary>
public sealed record BoardGroup(string? Category, string Heading, IReadOnlyList<BoardRow> Rows);
