namespace CoalitionBot.Documents;

/// <summary>One paragraph's fate: its § number in the old and/or new version and, when changed, the word diff.</summary>
public sealed record ParagraphChange(ParagraphChangeKind Kind, int? OldNumber, int? NewNumber, WordDiff? Words);
