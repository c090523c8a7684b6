using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Data;
using CoalitionBot.Core.Domain;
using CoalitionBot.Core.Reminders;

namespace CoalitionBot.Core.Reach;

/// <summary>
/// Records that an address wants no more e-mail from the bot (one-click unsubscribe): the e-mail route of every contact
/// with it is closed with the reason "unsubscribed" (so no later message, reminder or fallback uses it), e-mails still
/// waiting are cancelled, a contact left with no route is marked unreachable for coordinators to see, and each change
/// is audited. A second request changes nothing.
/// </summary>
public static class Unsubscribes
{
    public const string Reason = "unsubscribed";

    /// <summary>Applies the request and saves; returns how many contacts were newly unsubscribed.</summary>
    public static async Task<int> RecordAsync(IDataSession data, TimeProvider clock, string email, CancellationToken ct)
    {
        var address = Contact.NormaliseEmail(email);
        var contacts = await data.ListAsync(data.Contacts.Where(c => c.Email == address), ct);
        var ids = contacts.Select(c => c.Id).ToList();
        var identities = await data.ListAsync(data.Identities.Where(i => ids.Contains(i.ContactId)), ct);
        var changed = 0;
        foreach (var contact in contacts)
        {
            var mine = identities.Where(i => i.ContactId == contact.Id).ToList();
            var route = mine.FirstOrDefault(i => i.Platform == Platform.Email);
            if (route is { RouteFailure: Reason })
            {
                continue;
            }

            if (route is null)
            {
                route = new ContactIdentity { ContactId = contact.Id, Platform = Platform.Email, TenantId = ContactReach.EmailTenant, UserId = address! };
                data.Add(route);
            }

            route.RouteFailure = Reason;
            if (contact.PreferredPlatform == Platform.Email)
            {
                contact.PreferredPlatform = null;
            }

            if (!mine.Exists(i => i.Platform != Platform.Email && i.RouteFailure is null))
            {
                contact.Unreachable = true;
                contact.UnreachableReason = "unsubscribed from e-mail";
            }

            var coalition = await data.FirstOrDefaultAsync(data.Coalitions.Where(c => c.Id == contact.CoalitionId), ct);
            if (coalition is not null)
            {
                SystemRequest.For(data, clock, coalition, "unsubscribe").Audit("contact.unsubscribed", contact.Name, null, after: new { Route = "e-mail", Reason });
            }

            changed++;
        }

        var now = clock.GetUtcNow();
        var routeIds = identities.Where(i => i.Platform == Platform.Email).Select(i => i.Id).ToList();
        foreach (var waiting in await data.ListAsync(data.Deliveries.Where(d => routeIds.Contains(d.IdentityId)
            && d.State == DeliveryState.Pending && (d.LeaseUntil == null || d.LeaseUntil < now)), ct))
        {
            waiting.State = DeliveryState.Cancelled;
            waiting.LastError = "The recipient unsubscribed from e-mail.";
        }

        try
        {
            await data.SaveChangesAsync(ct);
        }
        catch (UniqueConflictException)
        {
            data.Reset(); // the same address was unsubscribed at the same moment (a double click): that one counts
            return 0;
        }

        return changed;
    }
}
