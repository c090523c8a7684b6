namespace CoalitionBot.Documents;

/// <summary>One item of a <see cref="MemoList"/>: usually one <see cref="MemoProse"/>, possibly followed by nested lists or more blocks.</summary>
public sealed record MemoListItem(IReadOnlyList<MemoBlock> Blocks);
