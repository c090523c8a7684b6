namespace CoalitionBot.Documents;

/// <summary>A block quote (<c>&gt; …</c>) holding other blocks.</summary>
public sealed record MemoQuote(IReadOnlyList<MemoBlock> Blocks) : MemoBlock;
