namespace CoalitionBot.Documents;

/// <summary>A person of a partner organisation as imported: name, e-mail and chat identities (each optional), and whether they may sign.</summary>
public sealed record DirectoryContact(string Name, string? Email, string? SlackId, string? TeamsId, bool IsSigner = true);
