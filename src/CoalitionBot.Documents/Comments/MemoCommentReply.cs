namespace CoalitionBot.Documents;

/// <summary>A reply in a comment thread.</summary>
public sealed record MemoCommentReply(string Author, string Organisation, string Text, DateTimeOffset At);
