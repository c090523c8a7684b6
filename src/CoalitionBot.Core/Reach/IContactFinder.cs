using CoalitionBot.Core.Conversation;

namespace CoalitionBot.Core.Reach;

/// <summary>
/// A platform's way of finding a directory contact who never wrote to the bot, by e-mail: Slack's
/// users.lookupByEmail, a Teams roster of a team the bot is in. Implementations rate-limit and cache.
/// </summary>
public interface IContactFinder
{
    Platform Platform { get; }

    /// <summary>
    /// The person with this e-mail on the platform, or null when the platform does not know them (or they are deactivated).
    /// Throws <see cref="ContactLookupDeferredException"/> when the platform cannot answer now (rate limit, network).
    /// </summary>
    Task<FoundIdentity?> FindByEmailAsync(string email, CancellationToken cancellationToken);
}
