namespace CoalitionBot.Teams.Activities;

/// <summary>A user or bot in an activity: id ("29:…" for Teams users, "28:…" for bots), name, and the Entra object id.</summary>
internal sealed record ChannelAccount(string? Id, string? Name = null, string? AadObjectId = null, string? Role = null);
