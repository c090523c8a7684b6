namespace CoalitionBot.Core.Messages;

/// <summary>
/// Memo text as Markdown (user-authored: renderers convert it with raw HTML disabled and escape its text).
/// <paramref name="Truncated"/> says the text is an excerpt; the full text is behind a "Read full text" button.
/// </summary>
public sealed record MemoExcerptBlock(string MemoCode, string Title, string Markdown, bool Truncated) : Block;
