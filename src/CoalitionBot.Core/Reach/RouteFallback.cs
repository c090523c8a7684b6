using CoalitionBot.Core.Data;
using CoalitionBot.Core.Domain;
using CoalitionBot.Core.Features;
using CoalitionBot.Core.Messages;
using CoalitionBot.Core.Outbox;
using CoalitionBot.Core.Reminders;

namespace CoalitionBot.Core.Reach;

/// <summary>
/// Handles <see cref="DeliveryRouteFailed"/>: the route is closed for that contact (kept on the identity, so later
/// messages do not try it again) and the same message is queued by the next route — another stored identity, one
/// found by e-mail on a platform not tried yet, or e-mail with the personal link. With no route left the contact
/// is marked unreachable and the coordinators are told.
/// </summary>
public sealed class RouteFallback(IDataSession data, ContactFinders finders, IPersonalLinks links, TimeProvider clock)
{
    /// <summary>Records the failed attempt of the delivery this worker still holds and queues the next route; saves.</summary>
    public async Task FallAsync(Guid deliveryId, Guid? claimToken, string reason, CancellationToken ct)
    {
        data.Reset();
        var row = await data.FirstOrDefaultAsync(data.Deliveries.Where(d => d.Id == deliveryId && d.ClaimToken == claimToken && d.State == DeliveryState.Pending), ct);
        if (row is null)
        {
            return; // the lease ran out and another worker took it over
        }

        var now = clock.GetUtcNow();
        row.Attempts++;
        row.LeaseUntil = null;
        row.ClaimToken = null;
        row.State = DeliveryState.Failed;
        row.LastError = Trim($"{ContactRoutes.Name(row.Platform)} cannot reach them: {reason}");
        var identities = await data.ListAsync(data.Identities.Where(i => i.ContactId == row.ContactId), ct);
        var failed = identities.FirstOrDefault(i => i.Id == row.IdentityId);
        if (failed is not null)
        {
            failed.RouteFailure = Trim(reason);
        }

        var contact = await data.FirstOrDefaultAsync(data.Contacts.Where(c => c.Id == row.ContactId), ct);
        var coalition = await data.FirstOrDefaultAsync(data.Coalitions.Where(c => c.Id == row.CoalitionId), ct);
        if (contact is not null && coalition is not null)
        {
            var ctx = SystemRequest.For(data, clock, coalition, $"route:{row.Id:N}");
            if (await NextAsync(contact, identities, ct) is { } next)
            {
                await QueueAgainAsync(ctx, row, contact, next, ct);
            }
            else if (row.Purpose != DeliveryPurpose.Notice)
            {
                var advice = Unreachability.Mark(contact, failed, row.Platform, reason);
                await Deliveries.NotifyCoordinatorsAsync(ctx, $"unreachable:{row.Id:N}",
                    Message.Text($"I could not reach {contact.Name} by any route ({Unreachability.Why(contact)}).{advice}"), ct);
            }
        }

        try
        {
            await data.SaveChangesAsync(ct);
        }
        catch (UniqueConflictException)
        {
            data.Reset(); // another worker queued the next route first
        }
    }

    private async Task<ContactIdentity?> NextAsync(Contact contact, List<ContactIdentity> identities, CancellationToken ct)
    {
        var usable = identities.Where(i => i.RouteFailure is null).ToList();
        if (usable.Count > 0)
        {
            return ContactIdentity.Preferred(usable, contact.PreferredPlatform);
        }

        if ((await finders.FindAsync([contact], identities, ct)).FirstOrDefault() is { } found)
        {
            data.Add(found);
            return found;
        }

        if (contact.Email is null || identities.Any(i => i.Platform == Conversation.Platform.Email))
        {
            return null;
        }

        var email = new ContactIdentity { ContactId = contact.Id, Platform = Conversation.Platform.Email, TenantId = ContactReach.EmailTenant, UserId = contact.Email };
        data.Add(email);
        return email;
    }

    private async Task QueueAgainAsync(Routing.RequestContext ctx, Delivery row, Contact contact, ContactIdentity next, CancellationToken ct)
    {
        var memo = row.MemoId is { } memoId ? await data.FirstOrDefaultAsync(data.Memos.Where(m => m.Id == memoId), ct) : null;
        var message = await EmailRoute.WithLinkAsync(links, ctx, next, contact, memo, Deliveries.Read(row), ct);
        var again = Deliveries.Enqueue(ctx, next, row.Purpose, $"{row.IdempotencyKey}:via:{next.Platform}", memo, message);
        again.Route = Trim($"{ContactRoutes.Describe(next, contact)}, after {ContactRoutes.Name(row.Platform)} failed");
    }

    private static string Trim(string text) => text.Length <= 900 ? text : text[..900];
}
