using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Data;
using CoalitionBot.Core.Domain;

namespace CoalitionBot.Core.Routing;

/// <summary>
/// Which coalition an inbound item is for, first that applies: the one the item names (a personal link, a dashboard
/// session, a stamped button); the one the person picked (`coalition use`); the one the channel, else the workspace or
/// tenant, is linked to (`coalition link`), when the person is a contact there or nowhere; the person's only
/// coalition; the deployment's only coalition. Anything else is undecided, and the person is told how to pick.
/// </summary>
internal static class CoalitionChoice
{
    public const string NoneYet = "No coalition is set up yet. Type `setup` to start one.";

    public const string Stranger = "I don't know you yet. Ask a coordinator to add you to the partner directory.";

    public static async Task<(Coalition? Coalition, IReadOnlyList<Coalition> Memberships, string NoCoalition)> ChooseAsync(
        IDataSession data, Inbound inbound, Guid? named, IReadOnlyList<ContactIdentity> identities, IReadOnlyList<Contact> contacts, CancellationToken ct)
    {
        var memberIds = contacts.Select(c => c.CoalitionId).Distinct().ToList();
        var memberships = memberIds.Count == 0 ? [] : await data.ListAsync(data.Coalitions.Where(c => memberIds.Contains(c.Id)).OrderBy(c => c.CreatedAt).ThenBy(c => c.Name), ct);
        if (named is { } id && await data.FirstOrDefaultAsync(data.Coalitions.Where(c => c.Id == id), ct) is { } coalition)
        {
            return (coalition, memberships, Stranger);
        }

        var picked = identities.Where(i => i.ChosenAt is not null).OrderByDescending(i => i.ChosenAt).FirstOrDefault();
        if (picked is not null && contacts.FirstOrDefault(c => c.Id == picked.ContactId) is { } pickedContact
            && memberships.FirstOrDefault(m => m.Id == pickedContact.CoalitionId) is { } pickedCoalition)
        {
            return (pickedCoalition, memberships, Stranger);
        }

        if (await LinkedAsync(data, inbound.Place, ct) is { } linked && (memberships.Count == 0 || memberships.Any(m => m.Id == linked)))
        {
            return (await data.FirstOrDefaultAsync(data.Coalitions.Where(c => c.Id == linked), ct), memberships, Stranger);
        }

        if (memberships.Count == 1)
        {
            return (memberships[0], memberships, Stranger);
        }

        if (memberships.Count > 1)
        {
            return (null, memberships, Ambiguous(memberships));
        }

        var firstTwo = await data.ListAsync(data.Coalitions.OrderBy(c => c.CreatedAt).Take(2), ct);
        return firstTwo.Count == 1 ? (firstTwo[0], memberships, Stranger) : (null, memberships, firstTwo.Count == 0 ? NoneYet : Stranger);
    }

    /// <summary>What a person in several coalitions is told when nothing says which one they mean.</summary>
    public static string Ambiguous(IReadOnlyList<Coalition> memberships) =>
        $"You are in {memberships.Count} coalitions: {string.Join(", ", memberships.Select(m => $"\"{m.Name}\""))}. "
        + $"Type `coalition use <name>` (for example `coalition use {memberships[0].Name}`) to say which one you mean; I remember it until you pick another.";

    private static async Task<Guid?> LinkedAsync(IDataSession data, Place place, CancellationToken ct)
    {
        var links = await data.ListAsync(data.CoalitionLinks.Where(l => l.Platform == place.Platform && l.TenantId == place.TenantId
            && (l.ConversationId == place.ConversationId || l.ConversationId == CoalitionLink.Everywhere)), ct);
        return (links.FirstOrDefault(l => l.ConversationId.Length > 0) ?? links.FirstOrDefault())?.CoalitionId;
    }
}
