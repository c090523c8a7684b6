namespace CoalitionBot.Documents;

/// <summary>A run of prose: a Markdown paragraph (inside a list item or quote it is part of that § paragraph).</summary>
public sealed record MemoProse(IReadOnlyList<MemoInline> Inlines) : MemoBlock;
