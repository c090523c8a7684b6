using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Data;
using CoalitionBot.Core.Domain;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Core.Routing;

/// <summary>
/// Finds the contacts behind a chat identity — one per coalition the person is in — and the coalition the item is
/// for (<see cref="CoalitionChoice"/>). An identity whose platform-verified e-mail matches a directory contact of a
/// coalition it is not linked to yet is linked to it; one listed in configuration as a coordinator is added as one.
/// Remembers the place's conversation reference so proactive messages can reach the person later. Runs unscoped:
/// it decides the scope.
/// </summary>
public sealed class ActorResolver(IDataSession data, CoalitionScope scope, IOptions<CoalitionOptions> options, IEnumerable<IEmailLookup> emailLookups)
{
    /// <param name="named">The coalition the item itself names (see <see cref="Inbound.Coalition"/>), if any.</param>
    public async Task<ResolvedActor> ResolveAsync(Inbound inbound, Guid? named, DateTimeOffset now, CancellationToken ct)
    {
        using var everywhere = scope.Everywhere();
        string? email = Contact.NormaliseEmail(inbound.Actor.Email);
        var id = inbound.Actor.Identity;
        var identities = await data.ListAsync(
            data.Identities.Where(i => i.Platform == id.Platform && i.TenantId == id.TenantId && i.UserId == id.UserId), ct);
        var contactIds = identities.Select(i => i.ContactId).ToList();
        var contacts = contactIds.Count == 0 ? [] : await data.ListAsync(data.Contacts.Where(c => contactIds.Contains(c.Id)), ct);
        if (email is null && await ElsewhereAsync(contacts, ct))
        {
            email = Contact.NormaliseEmail(await LookUpEmailAsync(inbound, ct));
        }

        if (email is { } known)
        {
            var memberOf = contacts.Select(c => c.CoalitionId).ToList();
            var found = await data.ListAsync(data.Contacts.Where(c => c.Email == known && !memberOf.Contains(c.CoalitionId)).OrderBy(c => c.CreatedAt), ct);
            var linking = found.GroupBy(c => c.CoalitionId).Select(g => g.First()).ToList();
            if (contacts.Count == 0 && linking.Count == 0 && await AddConfiguredCoordinatorAsync(inbound.Actor, known, now, ct) is { } added)
            {
                linking.Add(added);
            }

            foreach (var contact in linking)
            {
                var identity = new ContactIdentity { ContactId = contact.Id, Platform = id.Platform, TenantId = id.TenantId, UserId = id.UserId };
                data.Add(identity);
                identities.Add(identity);
                contacts.Add(contact);
            }
        }

        foreach (var identity in identities)
        {
            if (contacts.FirstOrDefault(c => c.Id == identity.ContactId) is { } contact)
            {
                Remember(identity, contact, inbound, now);
            }
        }

        var (coalition, memberships, noCoalition) = await CoalitionChoice.ChooseAsync(data, inbound, named, identities, contacts, ct);
        var me = coalition is null ? null : contacts.FirstOrDefault(c => c.CoalitionId == coalition.Id);
        return new ResolvedActor(me, coalition, email, memberships, contacts, noCoalition);
    }

    /// <summary>Whether the person may be a contact of a coalition they are not linked in yet (so their e-mail is worth asking for).</summary>
    private async Task<bool> ElsewhereAsync(List<Contact> contacts, CancellationToken ct)
    {
        if (contacts.Count == 0)
        {
            return true;
        }

        var memberOf = contacts.Select(c => c.CoalitionId).Distinct().ToList();
        return await data.CountAsync(data.Coalitions.Where(c => !memberOf.Contains(c.Id)), ct) > 0;
    }

    private async Task<string?> LookUpEmailAsync(Inbound inbound, CancellationToken ct)
    {
        var lookup = emailLookups.FirstOrDefault(l => l.Platform == inbound.Actor.Identity.Platform);
        return lookup is null ? null : await lookup.FindEmailAsync(inbound.Actor, inbound.Place, ct);
    }

    private static void Remember(ContactIdentity identity, Contact contact, Inbound inbound, DateTimeOffset now)
    {
        identity.LastSeenAt = now;
        identity.RouteFailure = null; // they wrote from it, so it reaches them
        if (inbound.Place.Kind == PlaceKind.Direct)
        {
            identity.ConversationId = inbound.Place.ConversationId;
        }

        if (inbound.Place.Reference is { } reference && inbound.Place.Kind == PlaceKind.Direct)
        {
            identity.Reference = reference;
        }
        else if (identity.Reference is null && inbound.Place.Reference is { } anyReference)
        {
            identity.Reference = anyReference;
        }

        if (inbound.Actor.TimeZone is { } tz && TimeZones.IsKnown(tz))
        {
            contact.TimeZone = tz;
        }

        if (contact.Unreachable)
        {
            contact.Unreachable = false; // they just talked to us, so we can reach them again
            contact.UnreachableReason = null;
        }
    }

    private async Task<Contact?> AddConfiguredCoordinatorAsync(Actor actor, string email, DateTimeOffset now, CancellationToken ct)
    {
        if (!options.Value.Coordinators.Any(c => string.Equals(c.Trim(), email, StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        // Operators of the deployment coordinate its first coalition; they start others with `setup <name>`.
        var coalition = await data.FirstOrDefaultAsync(data.Coalitions.OrderBy(c => c.CreatedAt), ct);
        if (coalition is null)
        {
            return null; // they will become coordinator when they run setup
        }

        var contact = new Contact
        {
            CoalitionId = coalition.Id,
            Name = actor.DisplayName ?? email,
            Email = email,
            IsCoordinator = true,
            IsAuthorisedSigner = false,
            CreatedAt = now,
        };
        data.Add(contact);
        return contact;
    }
}
