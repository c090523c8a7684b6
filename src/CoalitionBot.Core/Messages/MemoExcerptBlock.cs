namespace CoalitionBot.Core.Messages;

/// <summary>
/// Memo text as Markdown (user-authored: renderers convert it with raw HTML disabled and escape its text).
/// <paramref name="Truncated"/> says the text is an excerpt; the full text is behind a "Read full text" button.
/// <paramref name="Numbered"/> says the paragraphs are the memo's §1, §2, … (false for a compiled list), so renderers
/// that can show paragraph numbers do.
/// </summary>
public sealed record MemoExcerptBlock(string MemoCode, string Title, string Markdown, bool Truncated, bool Numbered = true) : Block;
