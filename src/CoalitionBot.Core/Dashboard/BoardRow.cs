namespace CoalitionBot.Core.Dashboard;

/// <summary>One organisation (or person, in individual mode) of a memo: its answer, and for silent ones its contacts.</summary>
public sealed record BoardRow(string SignerKey, string Name, string? Category, Answer Answer, BoardAnswer? Given, IReadOnlyList<BoardContact> Contacts);
