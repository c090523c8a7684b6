namespace CoalitionBot.Documents;

/// <summary>Inline code (<c>`…`</c>).</summary>
public sealed record MemoCodeSpan(string Text) : MemoInline;
