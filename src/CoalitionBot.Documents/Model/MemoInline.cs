namespace CoalitionBot.Documents;

/// <summary>A piece of text inside a block: plain text, code, a line break, emphasis or a (safe) link.</summary>
public abstract record MemoInline;
