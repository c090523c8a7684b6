using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Data;
using CoalitionBot.Core.Domain;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Core.Routing;

/// <summary>
/// Finds the contact behind a chat identity. An unknown identity whose platform-verified e-mail matches a
/// directory contact is linked to it; one listed in configuration as a coordinator is added as one.
/// Remembers the place's conversation reference so proactive messages can reach the person later.
/// </summary>
public sealed class ActorResolver(IDataSession data, IOptions<CoalitionOptions> options, IEnumerable<IEmailLookup> emailLookups)
{
    /// <summary>The contact and coalition behind the actor, and the actor's e-mail (as sent, or as the platform reported it when asked).</summary>
    public async Task<(Contact? Contact, Coalition? Coalition, string? Email)> ResolveAsync(Inbound inbound, DateTimeOffset now, CancellationToken ct)
    {
        string? email = Contact.NormaliseEmail(inbound.Actor.Email);
        var id = inbound.Actor.Identity;
        var identity = await data.FirstOrDefaultAsync(
            data.Identities.Where(i => i.Platform == id.Platform && i.TenantId == id.TenantId && i.UserId == id.UserId), ct);

        Contact? contact = null;
        if (identity is not null)
        {
            contact = await data.FirstOrDefaultAsync(data.Contacts.Where(c => c.Id == identity.ContactId), ct);
        }
        else if ((email ??= Contact.NormaliseEmail(await LookUpEmailAsync(inbound, ct))) is { } known)
        {
            contact = await data.FirstOrDefaultAsync(data.Contacts.Where(c => c.Email == known), ct)
                ?? await AddConfiguredCoordinatorAsync(inbound.Actor, known, now, ct);
            if (contact is not null)
            {
                identity = new ContactIdentity { ContactId = contact.Id, Platform = id.Platform, TenantId = id.TenantId, UserId = id.UserId };
                data.Add(identity);
            }
        }

        if (identity is not null && contact is not null)
        {
            Remember(identity, contact, inbound, now);
        }

        var coalition = contact is not null
            ? await data.FirstOrDefaultAsync(data.Coalitions.Where(c => c.Id == contact.CoalitionId), ct)
            : await data.FirstOrDefaultAsync(data.Coalitions.OrderBy(c => c.CreatedAt), ct);
        return (contact, coalition, email);
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
