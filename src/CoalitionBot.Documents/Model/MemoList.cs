namespace CoalitionBot.Documents;

/// <summary>A bulleted or numbered list. <paramref name="Start"/> is the first item's number as written; a loose list has blank lines between items.</summary>
public sealed record MemoList(bool Ordered, int Start, bool Loose, IReadOnlyList<MemoListItem> Items) : MemoBlock;
