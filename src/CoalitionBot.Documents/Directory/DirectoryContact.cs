namespace CoalitionBot.Documents;

/// <summary>
/// A person of a partner organisation as imported: name, e-mail and chat identities (each optional), whether they
/// may sign, and the channel they prefer to be reached on ("slack", "teams", "email"; null for the default order).
/// </summary>
public sealed record DirectoryContact(string Name, string? Email, string? SlackId, string? TeamsId, bool IsSigner = true, string? Channel = null);
