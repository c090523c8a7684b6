namespace CoalitionBot.Documents;

/// <summary>
/// A link that passed <see cref="SafeLinks"/> (absolute http, https or mailto; anything else was unwrapped to its
/// text when the memo was parsed). <paramref name="Url"/> is the target as written; <paramref name="Address"/> the
/// parsed absolute URI. An autolink (<c>&lt;https://…&gt;</c>) shows its own address as its text.
/// </summary>
public sealed record MemoLink(string Url, Uri Address, string? Title, bool IsAutolink, IReadOnlyList<MemoInline> Inlines) : MemoInline;
