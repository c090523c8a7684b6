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
    /// in the session. After a clash the session is reset: callers load what they need afterwards.
    /// </summary>
    public async Task<int> PrepareAsync(IDataSession data, IReadOnlyList<Contact> contacts, CancellationToken ct)
    {
        var ids = contacts.Select(c => c.Id).ToList();
        var known = new List<ContactIdentity>();
        foreach (var chunk in ids.Chunk(500))
        {
            known.AddRange(await data.ListAsync(data.Identities.Where(i => chunk.Contains(i.ContactId)), ct));
        }

        var found = await finders.FindAsync(contacts, known, ct);
        var all = known.Concat(found).ToLookup(i => i.ContactId);
        foreach (var contact in contacts.Where(c => c.Email is not null && NeedsEmail(c, all[c.Id])))
        {
            found.Add(new ContactIdentity { ContactId = contact.Id, Platform = Platform.Email, TenantId = EmailTenant, UserId = contact.Email! });
        }

        var now = clock.GetUtcNow();
        foreach (var contact in contacts.Where(c => c.Email is not null))
        {
            contact.ReachCheckedAt = now;
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
