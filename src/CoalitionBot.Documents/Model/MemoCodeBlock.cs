namespace CoalitionBot.Documents;

/// <summary>A code block: its lines as written, and the fence's info word ("json") when there is one.</summary>
public sealed record MemoCodeBlock(IReadOnlyList<string> Lines, string? Language) : MemoBlock
{
    /// <summary>The lines joined by '\n'.</summary>
    public string Text => string.Join('\n', Lines);
}
