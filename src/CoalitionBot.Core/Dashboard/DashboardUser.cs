using CoalitionBot.Core.Conversation;

namespace CoalitionBot.Core.Dashboard;

/// <summary>The coordinator behind a valid dashboard session, checked against the coordinator list on every request.</summary>
public sealed record DashboardUser(Guid SessionId, Guid ContactId, string Name, Guid CoalitionId, ChatIdentity Identity, DateTimeOffset ExpiresAt)
{
    /// <summary>Signed in from the local web channel, whose identities are not verified.</summary>
    public bool IsPlayground => Identity.Platform == Platform.Web;
}
