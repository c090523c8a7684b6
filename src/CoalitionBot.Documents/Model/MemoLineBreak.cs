namespace CoalitionBot.Documents;

/// <summary>A line break inside a block: hard (two spaces or a backslash at the end of the line) or soft (a plain newline).</summary>
public sealed record MemoLineBreak(bool Hard) : MemoInline;
