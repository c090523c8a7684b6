namespace CoalitionBot.Documents;

/// <summary>A partner organisation as imported, with its contacts and (optionally) other names it goes by.</summary>
public sealed record DirectoryOrganisation(
    string Name,
    string SortName,
    string? Category,
    string? Country,
    IReadOnlyList<DirectoryContact> Contacts,
    IReadOnlyList<string>? Aliases = null);
