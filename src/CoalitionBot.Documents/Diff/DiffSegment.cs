namespace CoalitionBot.Documents;

/// <summary>A stretch of text and what happened to it.</summary>
public sealed record DiffSegment(DiffOperation Operation, string Text);
