namespace CoalitionBot.Documents;

/// <summary>A problem on one line of a directory import: the 1-based line of the file, the column, and what is wrong.</summary>
public sealed record DirectoryIssue(int Line, string? Column, string Message)
{
    public override string ToString() => Column is null ? $"line {Line}: {Message}" : $"line {Line}, {Column}: {Message}";
}
