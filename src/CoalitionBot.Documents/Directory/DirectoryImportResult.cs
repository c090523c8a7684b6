namespace CoalitionBot.Documents;

/// <summary>The outcome of a directory import: organisations only when every line is valid, otherwise the issues.</summary>
public sealed record DirectoryImportResult(IReadOnlyList<DirectoryOrganisation> Organisations, IReadOnlyList<DirectoryIssue> Issues)
{
    public bool IsValid => Issues.Count == 0;
}
