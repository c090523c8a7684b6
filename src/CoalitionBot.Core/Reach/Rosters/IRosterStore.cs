using CoalitionBot.Core.Conversation;

namespace CoalitionBot.Core.Reach.Rosters;

/// <summary>
/// The durable list of the places the bot was added to (a Teams team or group chat) and who is in each, so an
/// adapter can find a directory contact who never wrote to the bot. Adapters decide what to store; the store keeps it.
/// </summary>
public interface IRosterStore
{
    /// <summary>Records (or re-activates) a place the bot is in; its roster is then due for a read.</summary>
    Task AddPlaceAsync(RosterPlace place, CancellationToken cancellationToken);

    /// <summary>The bot left the place: it is no longer searched and its members are forgotten.</summary>
    Task DeactivateAsync(Platform platform, string placeId, CancellationToken cancellationToken);

    /// <summary>Members left (by member id or user id): they are no longer found, and the roster is due for a read.</summary>
    Task RemoveMembersAsync(Platform platform, string placeId, IReadOnlyCollection<string> ids, CancellationToken cancellationToken);

    /// <summary>Membership changed in a way the event alone does not tell (members added): the roster is due for a read.</summary>
    Task MarkChangedAsync(Platform platform, string placeId, CancellationToken cancellationToken);

    /// <summary>The places the bot is in, with how fresh their rosters are.</summary>
    Task<IReadOnlyList<RosterPlaceState>> ActivePlacesAsync(Platform platform, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces a place's members with a fresh read. Ignored (false) when membership changed since
    /// <paramref name="basedOnChange"/> was read: the read may miss that change, so the roster stays due.
    /// </summary>
    Task<bool> ReplaceMembersAsync(Platform platform, string placeId, IReadOnlyList<RosterMember> members, long basedOnChange, DateTimeOffset readAt, CancellationToken cancellationToken);

    /// <summary>The member of an active place whose e-mail or user principal name is this (case-insensitive); the freshest roster wins.</summary>
    Task<RosterMatch?> FindByEmailAsync(Platform platform, string email, CancellationToken cancellationToken);
}
