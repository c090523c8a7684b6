namespace CoalitionBot.Storage.Rosters;

/// <summary>A person in a place's roster; e-mail and user principal name are stored lower-case for matching.</summary>
public sealed class RosterMemberEntry
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid PlaceEntryId { get; set; }

    public required string MemberId { get; set; }

    public required string UserId { get; set; }

    public required string TenantId { get; set; }

    public string? Name { get; set; }

    public string? Email { get; set; }

    public string? UserPrincipalName { get; set; }

    public string? Role { get; set; }
}
