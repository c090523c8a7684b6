using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Data;
using CoalitionBot.Core.Domain;
using CoalitionBot.Core.Messages;
using CoalitionBot.Core.Replies;
using CoalitionBot.Core.Routing;

namespace CoalitionBot.Core.Features;

/// <summary>
/// Several coalitions in one deployment: `coalition use` picks the one a person in several means (remembered per
/// chat identity), `coalition link`/`unlink` tie the workspace or tenant, or the channel, a command is typed in to the
/// coordinator's coalition, so people there who have not picked one reach it.
/// </summary>
public sealed class CoalitionPlacesFeature : IFeature
{
    private const string LinkUsage = "coalition link [workspace | channel]";

    public IEnumerable<Route> Routes =>
    [
        Route.Command(245, "coalition use", Permission.Anyone, "coalition use [<name>]",
            "For someone in several coalitions: picks the one your commands are for (I remember it); without a name, lists yours.", UseAsync),
        Route.Command(246, "coalition link", Permission.Coordinator, LinkUsage,
            "Ties this workspace (Slack) or tenant (Teams), or this channel, to the coalition: people there reach it without picking. Without an argument, lists the links.", LinkAsync),
        Route.Command(247, "coalition unlink", Permission.Coordinator, "coalition unlink <workspace | channel>",
            "Removes the coalition's link of this workspace or tenant, or of this channel.", UnlinkAsync),
    ];

    private static async Task<Reply> UseAsync(RequestContext ctx, CancellationToken ct)
    {
        var name = ctx.Command.Rest.Trim();
        if (ctx.Memberships.Count == 0)
        {
            throw new RefusalException(CoalitionChoice.Stranger);
        }

        if (name.Length == 0)
        {
            var lines = ctx.Memberships.Select(m => $"• {m.Name}" + (m.Id == ctx.Coalition?.Id ? " (current)" : ""));
            return new MessageReply(Message.Text("Your coalitions:\n" + string.Join('\n', lines) + "\nType `coalition use <name>` to pick one."));
        }

        var matches = ctx.Memberships.Where(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase)).ToList();
        if (matches.Count != 1)
        {
            throw new RefusalException(matches.Count == 0
                ? $"You are not in a coalition called \"{Memos.Shorten(name)}\". {CoalitionChoice.Ambiguous(ctx.Memberships)}"
                : $"{matches.Count} of your coalitions are called \"{matches[0].Name}\": ask a coordinator of one to rename it (`coalition name …`).");
        }

        var chosen = matches[0];
        var contact = ctx.MyContacts.First(c => c.CoalitionId == chosen.Id);
        await PickAsync(ctx, contact.Id, ct);
        ctx.Coalition = chosen;
        ctx.Me = contact;
        await ctx.SaveAsync(ct);
        return new MessageReply(Message.Text($"Your commands are now for \"{chosen.Name}\". Type `coalition use` to see your coalitions or pick another."));
    }

    /// <summary>Remembers <paramref name="contactId"/>'s coalition as this chat identity's pick, and forgets any earlier pick.</summary>
    internal static async Task PickAsync(RequestContext ctx, Guid contactId, CancellationToken ct)
    {
        var id = ctx.Inbound.Actor.Identity;
        using (ctx.Scope.Everywhere())
        {
            var identities = await ctx.Data.ListAsync(ctx.Data.Identities.Where(i => i.Platform == id.Platform && i.TenantId == id.TenantId && i.UserId == id.UserId), ct);
            var added = ctx.Data.Added<ContactIdentity>().Where(i => i.Platform == id.Platform && i.TenantId == id.TenantId && i.UserId == id.UserId);
            foreach (var identity in identities.Concat(added).Distinct())
            {
                identity.ChosenAt = identity.ContactId == contactId ? ctx.Now : null;
            }
        }
    }

    private static async Task<Reply> LinkAsync(RequestContext ctx, CancellationToken ct)
    {
        var coalition = ctx.CoalitionOrThrow;
        var place = ctx.Inbound.Place;
        if (ctx.Command.Rest.Trim().Length == 0)
        {
            var links = await ctx.Data.ListAsync(ctx.Data.CoalitionLinks.Where(l => l.CoalitionId == coalition.Id).OrderBy(l => l.CreatedAt), ct);
            var text = links.Count == 0
                ? $"No workspace, tenant or channel is linked to {coalition.Name}."
                : $"Linked to {coalition.Name}:\n" + string.Join('\n', links.Select(Describe));
            return new MessageReply(Message.Text(text + $"\nUsage: `{LinkUsage}`, typed where the link should be."));
        }

        var conversation = Where(ctx);
        using (ctx.Scope.Everywhere())
        {
            var taken = await ctx.Data.FirstOrDefaultAsync(ctx.Data.CoalitionLinks.Where(l => l.Platform == place.Platform && l.TenantId == place.TenantId && l.ConversationId == conversation), ct);
            if (taken is not null)
            {
                throw new RefusalException(taken.CoalitionId == coalition.Id ? $"This is already linked to {coalition.Name}." : AlreadyElsewhere);
            }
        }

        var link = new CoalitionLink { CoalitionId = coalition.Id, Platform = place.Platform, TenantId = place.TenantId, ConversationId = conversation, CreatedBy = ctx.Me?.Id, CreatedAt = ctx.Now };
        ctx.Data.Add(link);
        ctx.Audit("coalition.linked", Describe(link), null, after: new { link.Platform, link.TenantId, link.ConversationId });
        try
        {
            await ctx.SaveAsync(ct);
        }
        catch (UniqueConflictException)
        {
            throw new RefusalException(AlreadyElsewhere);
        }

        return new MessageReply(Message.Text($"Linked to {coalition.Name}: {Describe(link)}. People here who have not picked a coalition now reach this one."));
    }

    private static async Task<Reply> UnlinkAsync(RequestContext ctx, CancellationToken ct)
    {
        var coalition = ctx.CoalitionOrThrow;
        var place = ctx.Inbound.Place;
        var conversation = Where(ctx);
        var link = await ctx.Data.FirstOrDefaultAsync(ctx.Data.CoalitionLinks.Where(l => l.CoalitionId == coalition.Id && l.Platform == place.Platform && l.TenantId == place.TenantId && l.ConversationId == conversation), ct)
            ?? throw new RefusalException($"That is not linked to {coalition.Name}. Type `coalition link` to see its links.");
        ctx.Data.Remove(link);
        ctx.Audit("coalition.unlinked", Describe(link), null, before: new { link.Platform, link.TenantId, link.ConversationId });
        await ctx.SaveAsync(ct);
        return new MessageReply(Message.Text($"Unlinked from {coalition.Name}: {Describe(link)}."));
    }

    private const string AlreadyElsewhere = "This is already linked to another coalition; one of its coordinators can `coalition unlink` it first.";

    /// <summary>The link's conversation for "workspace" or "channel" typed here.</summary>
    private static string Where(RequestContext ctx) => ctx.Command.Rest.Trim().ToLowerInvariant() switch
    {
        "workspace" or "tenant" => CoalitionLink.Everywhere,
        "channel" when ctx.Inbound.Place.Kind != PlaceKind.Direct => ctx.Inbound.Place.ConversationId,
        "channel" => throw new RefusalException("Type `coalition link channel` in the channel itself, not in a direct message."),
        _ => throw new RefusalException($"Usage: `{LinkUsage}` or `coalition unlink <workspace | channel>`."),
    };

    private static string Describe(CoalitionLink link) =>
        (link.ConversationId.Length == 0 ? $"every conversation in {link.Platform} {(link.Platform == Platform.Teams ? "tenant" : "workspace")} {link.TenantId}" : $"{link.Platform} channel {link.ConversationId} ({link.TenantId})");
}
