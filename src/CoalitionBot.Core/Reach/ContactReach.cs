using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Data;
using CoalitionBot.Core.Domain;

namespace CoalitionBot.Core.Reach;

/// <summary>
/// Makes sure every partner contact has a route before anything is queued: asks Slack and Teams by e-mail for
/// those without a chat identity, gives everyone else an e-mail identity, and stores what it found in its own
/// short save (the look-ups happen before it, never inside a transaction), so a person is linked before they
/// ever write.
/// </summary>
public sealed class ContactReach(ContactFinders finders, TimeProvider clock)
{
    /// <summary>The tenant of every e-mail identity; its user id is the normalised address.</summary>
    public const string EmailTenant = "email";

    /// <summary>
    /// Prepares routes for these contacts (tracked by <paramref name="data"/>) and saves, with whatever else is pending
    /// in the session. After a clash the session is reset: callers load what they need afterwards. A contact a platform
    /// could not look up now (rate limit) keeps no route yet: <see cref="Contact.ReachRetryAt"/> says when
    /// <see cref="ReachSweep"/> asks again, and the sweep then sends them the open memos they missed.
    /// </summary>
    public async Task<int> PrepareAsync(IDataSession data, IReadOnlyList<Contact> contacts, CancellationToken ct)
    {
        var ids = contacts.Select(c => c.Id).ToList();
        var known = new List<ContactIdentity>();
        foreach (var chunk in ids.Chunk(500))
        {
            known.AddRange(await data.ListAsync(data.Identities.Where(i => chunk.Contains(i.ContactId)), ct));
        }

        // Someone a platform asked us to look up later waits for that: not asked again before, not e-mailed meanwhile.
        var now = clock.GetUtcNow();
        var waiting = contacts.Where(c => c.ReachRetryAt > now && c.ReachCheckedAt is null).ToDictionary(c => c.Id, c => c.ReachRetryAt!.Value - now);
        var search = await finders.SearchAsync([.. contacts.Where(c => !waiting.ContainsKey(c.Id))], known, ct);
        var found = search.Found;
        foreach (var (id, after) in search.Deferred)
        {
            waiting[id] = after;
        }

        var all = known.Concat(found).ToLookup(i => i.ContactId);
        foreach (var contact in contacts.Where(c => c.Email is not null && !waiting.ContainsKey(c.Id) && NeedsEmail(c, all[c.Id])))
        {
            found.Add(new ContactIdentity { ContactId = contact.Id, Platform = Platform.Email, TenantId = EmailTenant, UserId = contact.Email! });
        }

        foreach (var contact in contacts.Where(c => c.Email is not null))
        {
            var deferred = waiting.TryGetValue(contact.Id, out var after) && !all[contact.Id].Any(i => i.RouteFailure is null);
            contact.ReachCheckedAt = deferred ? null : now;
            contact.ReachRetryAt = deferred ? now + after : null;
        }

        return await StoreAsync(data, found, ct);
    }

    /// <summary>An e-mail identity when no chat route is usable, or when the person prefers e-mail.</summary>
    private static bool NeedsEmail(Contact contact, IEnumerable<ContactIdentity> identities)
    {
        var list = identities.ToList();
        if (list.Any(i => i.Platform == Platform.Email))
        {
            return false; // also when e-mail bounced: the reason stays on that identity
        }

        return contact.PreferredPlatform == Platform.Email || !list.Any(i => i.RouteFailure is null);
    }

    /// <summary>Saves new identities together; on a clash (the person wrote meanwhile, another instance found them) one by one, skipping taken ones.</summary>
    private static async Task<int> StoreAsync(IDataSession data, List<ContactIdentity> found, CancellationToken ct)
    {
        found.ForEach(data.Add);
        try
        {
            await data.SaveChangesAsync(ct);
            return found.Count;
        }
        catch (UniqueConflictException)
        {
            data.Reset();
        }

        var stored = 0;
        foreach (var identity in found)
        {
            data.Add(identity);
            try
            {
                await data.SaveChangesAsync(ct);
                stored++;
            }
            catch (UniqueConflictException)
            {
                data.Reset();
            }
        }

        return stored;
    }
}
