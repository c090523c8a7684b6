namespace CoalitionBot.Documents;

/// <summary>Emphasised text: italic, bold, or one of the Markdown extras (strikethrough, sub/superscript, inserted, marked).</summary>
public sealed record MemoEmphasis(MemoEmphasisStyle Style, IReadOnlyList<MemoInline> Inlines) : MemoInline;
