namespace CoalitionBot.Core.Dashboard;

/// <summary>A comment thread: the comment, its author and paragraph, and its replies in order.</summary>
public sealed record BoardComment(int Number, int? Paragraph, int Version, string Author, string Text, DateTimeOffset At, bool Resolved, IReadOnlyList<BoardComment> Replies);
