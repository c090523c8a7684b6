using System.Collections.Concurrent;

namespace CoalitionBot.Testing.Slack;

/// <summary>
/// The workspace directory as users.lookupByEmail sees it: members, guests, Slack Connect members and deactivated
/// accounts (returned with deleted: true), users_not_found for anyone else, and people the app may not DM.
/// </summary>
public sealed partial class SlackSimulator
{
    private readonly ConcurrentDictionary<string, string> dmRefusals = new(StringComparer.Ordinal);

    /// <summary>A guest of the workspace (is_restricted): visible to users.lookupByEmail and reachable by DM.</summary>
    public SimulatedUser AddGuest(string name, string email) => Add(new SimulatedUser(NextUserId(), name, email, Guest: true));

    /// <summary>A Slack Connect member from another organisation's workspace, visible here through a shared channel.</summary>
    public SimulatedUser AddConnectMember(string name, string email, string homeTeamId) => Add(new SimulatedUser(NextUserId(), name, email, HomeTeamId: homeTeamId));

    /// <summary>Deactivates an account: users.lookupByEmail still returns it, with deleted: true; posting to it fails.</summary>
    public void Deactivate(string userId) => Users[userId] = Users[userId] with { Deleted = true };

    /// <summary>
    /// From now on chat.postMessage and conversations.open to this person answer <paramref name="error"/>
    /// (cannot_dm_bot, user_disabled), as Slack does when the app may not DM them.
    /// </summary>
    public void RefuseDirectMessages(string userId, string error = "cannot_dm_bot") => dmRefusals[userId] = error;

    /// <summary>Slack's documented minimum for users.lookupByEmail (Tier 3): 50 calls a minute, then 429 with Retry-After.</summary>
    public void UseTier3LookupLimit() => SetRateLimit("users.lookupByEmail", 50, TimeSpan.FromMinutes(1));

    private string? DmRefusal(string userId) => dmRefusals.TryGetValue(userId, out var error) ? error : null;

    private string NextUserId() => "U" + Interlocked.Increment(ref nextUser);

    private SimulatedUser Add(SimulatedUser user)
    {
        Users[user.Id] = user;
        return user;
    }
}
