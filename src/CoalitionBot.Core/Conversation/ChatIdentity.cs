namespace CoalitionBot.Core.Conversation;

/// <summary>A person's identity on one platform: Slack team + user id, Teams tenant + AAD object id, or a web-channel pick.</summary>
public sealed record ChatIdentity(Platform Platform, string TenantId, string UserId)
{
    public override string ToString() => $"{Platform}:{TenantId}:{UserId}";
}
