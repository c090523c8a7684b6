namespace CoalitionBot.Documents;

/// <summary>One numbered paragraph (§n) of a memo: a top-level block of its Markdown.</summary>
public sealed record MemoParagraph(int Number, string Markdown, string PlainText);
