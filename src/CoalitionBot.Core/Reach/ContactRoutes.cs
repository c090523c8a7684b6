using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Data;
using CoalitionBot.Core.Domain;

namespace CoalitionBot.Core.Reach;

/// <summary>
/// Which stored identity reaches each contact: one whose route has not failed, the platform they prefer, then
/// <see cref="ContactIdentity.Preferred"/>'s order. Circulation, reminders, receipts and digests all ask here, so
/// every message follows the route the person was reached on.
/// </summary>
public static class ContactRoutes
{
    public static async Task<Dictionary<Guid, ContactIdentity>> UsableAsync(IDataSession data, IReadOnlyCollection<Guid> contactIds, CancellationToken ct)
    {
        var identities = new List<ContactIdentity>();
        var prefers = new Dictionary<Guid, Platform?>();
        foreach (var chunk in contactIds.Distinct().Chunk(500))
        {
            identities.AddRange(await data.ListAsync(data.Identities.Where(i => chunk.Contains(i.ContactId) && i.RouteFailure == null), ct));
            foreach (var c in await data.ListAsync(data.Contacts.Where(c => chunk.Contains(c.Id)).Select(c => new { c.Id, c.PreferredPlatform }), ct))
            {
                prefers[c.Id] = c.PreferredPlatform;
            }
        }

        return identities.GroupBy(i => i.ContactId).ToDictionary(g => g.Key, g => ContactIdentity.Preferred(g, prefers.GetValueOrDefault(g.Key)));
    }

    /// <summary>How a route reads to a coordinator: "Slack DM", "Teams chat", "e-mail", "web channel".</summary>
    public static string Name(Platform platform) => platform switch
    {
        Platform.Slack => "Slack DM",
        Platform.Teams => "Teams chat",
        Platform.Email => "e-mail",
        _ => "web channel",
    };

    /// <summary>What a delivery records as its route: the platform and how the identity was learnt.</summary>
    public static string Describe(ContactIdentity identity, Contact? contact)
    {
        var how = identity.Platform switch
        {
            _ when contact?.PreferredPlatform == identity.Platform => " (preferred)",
            Platform.Email => " (personal link)",
            Platform.Slack or Platform.Teams when identity.LastSeenAt == default => " (found by e-mail)",
            _ => "",
        };
        return Name(identity.Platform) + how;
    }
}
