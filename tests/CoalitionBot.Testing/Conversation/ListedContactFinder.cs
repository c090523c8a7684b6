using System.Collections.Concurrent;
using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Reach;

namespace CoalitionBot.Testing.Conversation;

/// <summary>
/// A test double of a platform's <see cref="IContactFinder"/> for core tests: knows exactly the people listed, by
/// e-mail (case-insensitive), and counts look-ups. Platform behaviour (rate limits, paging) is the simulators' job.
/// </summary>
public sealed class ListedContactFinder(Platform platform, string tenantId) : IContactFinder
{
    private readonly ConcurrentDictionary<string, string> _people = new(StringComparer.OrdinalIgnoreCase);
    private int _lookups;

    public Platform Platform { get; } = platform;

    public int Lookups => _lookups;

    /// <summary>Lists a person: from now on their e-mail finds this user id.</summary>
    public ListedContactFinder With(string email, string userId)
    {
        _people[email] = userId;
        return this;
    }

    public Task<FoundIdentity?> FindByEmailAsync(string email, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _lookups);
        return Task.FromResult(_people.TryGetValue(email, out var user) ? new FoundIdentity(tenantId, user, null, null, null) : null);
    }
}
