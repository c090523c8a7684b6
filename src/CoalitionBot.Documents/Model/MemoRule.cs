namespace CoalitionBot.Documents;

/// <summary>A thematic break (<c>***</c>). It separates paragraphs but is not one: it has no § number.</summary>
public sealed record MemoRule : MemoBlock;
