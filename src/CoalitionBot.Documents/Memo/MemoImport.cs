namespace CoalitionBot.Documents;

/// <summary>An imported draft: its Markdown and everything the import could not carry over.</summary>
public sealed record MemoImport(string Markdown, IReadOnlyList<string> Warnings);
