namespace CoalitionBot.Documents;

/// <summary>
/// One numbered paragraph (§n) of a memo: a top-level block, with its Markdown source (what diffs compare), its
/// text as read (no markup, no link targets) and its model (what renderers write).
/// </summary>
public sealed record MemoParagraph(int Number, string Markdown, string PlainText, MemoBlock Block);
