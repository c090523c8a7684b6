namespace CoalitionBot.Documents;

/// <summary>Literal text as the reader sees it (entities already decoded). Renderers escape it.</summary>
public sealed record MemoText(string Text) : MemoInline;
