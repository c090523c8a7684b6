using System.Text.Json.Nodes;

namespace CoalitionBot.Testing.Teams;

/// <summary>
/// A person in a simulated team: their 29: id, Entra object id, name, e-mail and user principal name (a guest's UPN is
/// the "#EXT#" one of the host tenant), and role "user" or "guest".
/// </summary>
public sealed record SimulatedMember(string Id, string AadObjectId, string Name, string Email, string UserPrincipalName, string UserRole, string TenantId)
{
    /// <summary>The member as pagedmembers and members/{id} return them (TeamsChannelAccount).</summary>
    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["name"] = Name,
        ["aadObjectId"] = AadObjectId,
        ["email"] = Email,
        ["userPrincipalName"] = UserPrincipalName,
        ["tenantId"] = TenantId,
        ["userRole"] = UserRole,
    };
}
