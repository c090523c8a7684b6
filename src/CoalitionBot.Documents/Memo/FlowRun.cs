namespace CoalitionBot.Documents;

/// <summary>A stretch of memo text with one formatting: the unit DOCX and plain-text renderers write.</summary>
public sealed record FlowRun(string Text, bool Bold = false, bool Italic = false, string? Url = null, bool Code = false);
