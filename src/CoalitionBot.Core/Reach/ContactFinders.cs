using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Domain;

namespace CoalitionBot.Core.Reach;

/// <summary>
/// Every registered <see cref="IContactFinder"/>, asked in the default order (Slack, then Teams) or the contact's
/// preferred platform first. Network I/O: call it before a unit of work is saved, never inside one.
/// </summary>
public sealed class ContactFinders(IEnumerable<IContactFinder> finders)
{
    private const int Parallelism = 4;

    private readonly IReadOnlyList<IContactFinder> _finders = [.. finders.OrderBy(f => f.Platform == Platform.Slack ? 0 : f.Platform == Platform.Teams ? 1 : 2)];

    /// <summary>The platforms that can be searched by e-mail on this instance.</summary>
    public IReadOnlyList<Platform> Platforms => [.. _finders.Select(f => f.Platform)];

    /// <summary>
    /// Finds chat identities for the contacts that have an e-mail and no usable chat identity (or none on the
    /// platform they prefer). Returns new, unsaved identities; nobody found means the e-mail route.
    /// </summary>
    public async Task<List<ContactIdentity>> FindAsync(IReadOnlyList<Contact> contacts, IReadOnlyCollection<ContactIdentity> known, CancellationToken ct) =>
        (await SearchAsync(contacts, known, ct)).Found;

    /// <summary>
    /// Like <see cref="FindAsync"/>, and also says who could not be looked up now (a platform's rate limit): for them
    /// no later platform is asked, so they are not sent by another route before the first one answers.
    /// </summary>
    public async Task<ContactSearch> SearchAsync(IReadOnlyList<Contact> contacts, IReadOnlyCollection<ContactIdentity> known, CancellationToken ct)
    {
        var byContact = known.ToLookup(i => i.ContactId);
        var wanted = contacts.Where(c => c.Email is not null && NeedsLookUp(c, byContact[c.Id])).ToList();
        var search = new ContactSearch([], []);
        await Parallel.ForEachAsync(wanted, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct }, async (contact, token) =>
        {
            try
            {
                if (await FindOneAsync(contact, byContact[contact.Id], token) is { } identity)
                {
                    lock (search)
                    {
                        search.Found.Add(identity);
                    }
                }
            }
            catch (ContactLookupDeferredException deferred)
            {
                lock (search)
                {
                    search.Deferred[contact.Id] = deferred.RetryAfter;
                }
            }
        });
        return search;
    }

    private async Task<ContactIdentity?> FindOneAsync(Contact contact, IEnumerable<ContactIdentity> known, CancellationToken ct)
    {
        var tried = known.Select(i => i.Platform).ToHashSet(); // a failed route is not found again
        foreach (var finder in _finders.OrderBy(f => f.Platform == contact.PreferredPlatform ? 0 : 1).Where(f => !tried.Contains(f.Platform)))
        {
            if (await finder.FindByEmailAsync(contact.Email!, ct) is { } hit)
            {
                return new ContactIdentity
                {
                    ContactId = contact.Id, Platform = finder.Platform, TenantId = hit.TenantId, UserId = hit.UserId,
                    ConversationId = hit.ConversationId, Reference = hit.Reference,
                };
            }
        }

        return null;
    }

    private bool NeedsLookUp(Contact contact, IEnumerable<ContactIdentity> identities)
    {
        if (contact.PreferredPlatform == Platform.Email)
        {
            return false;
        }

        var usable = identities.Where(i => i.RouteFailure is null).ToList();
        if (contact.PreferredPlatform is { } prefers && _finders.Any(f => f.Platform == prefers))
        {
            return !usable.Any(i => i.Platform == prefers);
        }

        return !usable.Any(i => i.Platform is Platform.Slack or Platform.Teams or Platform.Web);
    }
}
