namespace CoalitionBot.Teams.Activities;

/// <summary>The conversation an activity belongs to; conversationType is "personal", "groupChat" or "channel" in Teams.</summary>
internal sealed record ConversationAccount(string? Id, string? ConversationType = null, string? TenantId = null, bool? IsGroup = null, string? Name = null);
