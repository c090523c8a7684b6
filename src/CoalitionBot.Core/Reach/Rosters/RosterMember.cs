namespace CoalitionBot.Core.Reach.Rosters;

/// <summary>
/// One person in a place's roster. <paramref name="MemberId"/> is the platform's id for writing to them (Teams "29:…"),
/// <paramref name="UserId"/> the identity a ContactIdentity is keyed by (the Entra object id).
/// </summary>
public sealed record RosterMember(string MemberId, string UserId, string TenantId, string? Name, string? Email, string? UserPrincipalName, string? Role);
