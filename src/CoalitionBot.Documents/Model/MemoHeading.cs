namespace CoalitionBot.Documents;

/// <summary>A heading, level 1 (<c>#</c>) to 6.</summary>
public sealed record MemoHeading(int Level, IReadOnlyList<MemoInline> Inlines) : MemoBlock;
