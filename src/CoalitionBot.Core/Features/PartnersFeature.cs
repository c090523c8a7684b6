using CoalitionBot.Documents;
using System.Net.Mail;
using System.Globalization;
using System.Text;
using CoalitionBot.Core.Domain;
using CoalitionBot.Core.Messages;
using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Reach;
using CoalitionBot.Core.Replies;
using CoalitionBot.Core.Routing;

namespace CoalitionBot.Core.Features;

/// <summary>
/// `partners`: the directory of partner organisations and their contacts (coordinators manage it). `partners`
/// lists it, `partners add` and `partners link` grow it; the bulk subcommands are <see cref="PartnerDirectoryCommands"/>.
/// </summary>
public sealed class PartnersFeature(ReachSignal lookups) : IFeature
{
    private const string Usage = "partners [list | add <organisation> | <category> | <country> | link <organisation> | <person> | <email> [| non-signer] [| prefers slack|teams|email] | import + CSV lines | export | duplicates | merge <keep> | <duplicate> | revoke-link M-3 <person> | <email> | set-category <organisation> | <category> | requests | approve <n> | decline-request <n>]";
    private const string AddUsage = "partners add <organisation> | <category> | <country> [| alias, alias]";
    private const string LinkUsage = "partners link <organisation> | <person> | <email> [| non-signer] [| prefers slack|teams|email]";

    public IEnumerable<Route> Routes =>
    [
        Route.Command(220, "partners", Permission.Coordinator, Usage,
            "The partner directory. `partners add` adds an organisation; `partners link` adds a contact person (I look them up on Slack and Teams by e-mail, else reach them by e-mail); `partners import` takes a CSV (all or nothing), `partners export` gives one; `partners duplicates` and `partners merge` clean it up; `partners revoke-link` stops a contact's personal e-mail link to a memo; `partners set-category` moves an organisation to another category.", Partners),
        Route.Command(221, "partners add", Permission.Coordinator, AddUsage,
            "Adds a partner organisation, in one of the coalition's categories.", AddAsync),
        Route.Command(222, "partners link", Permission.Coordinator, LinkUsage,
            "Adds a contact person to an organisation; they may sign for it unless marked `non-signer`; `prefers …` chooses the channel they are reached on.",
            async (ctx, ct) => LookUp(await LinkAsync(ctx, ct))) with { Aliases = ["partners contact"] },
        Route.Command(227, "partners revoke-link", Permission.Coordinator, "partners revoke-link M-3 <person> | <email>",
            "Stops a contact's personal e-mail link to a memo at once; the next message to them carries a new one.",
            (ctx, ct) => Reach.RevokeLinkCommand.RunAsync(ctx, ctx.Command.Rest, ct)),
        Route.Command(228, "partners set-category", Permission.Coordinator, CategoryRequests.Usage,
            "Moves an organisation to another of the coalition's categories, the one the final list puts it under; accepts a partner's category request (audited).",
            CategoryRequests.SetAsync),
    ];

    /// <summary>`partners` and `partners list`; any other word after `partners` is not a subcommand.</summary>
    private static Task<Reply> Partners(RequestContext ctx, CancellationToken ct) =>
        ctx.Command.SplitRest().First is var verb && (verb.Length == 0 || verb.Equals("list", StringComparison.OrdinalIgnoreCase))
            ? ListAsync(ctx, ct)
            : throw new RefusalException($"Usage: `{Usage}`");

    /// <summary>Wakes the background look-up of new contacts on Slack and Teams, so the command answers at once.</summary>
    private Reply LookUp(Reply reply)
    {
        lookups.Notify();
        return reply;
    }

    private static async Task<Reply> ListAsync(RequestContext ctx, CancellationToken ct)
    {
        var coalition = ctx.CoalitionOrThrow;
        var orgs = await Memos.OrganisationsAsync(ctx, ct);
        if (orgs.Count == 0)
        {
            return new MessageReply(Message.Text("The partner directory is empty. Add an organisation with `partners add <organisation> | <category> | <country>`."));
        }

        var contacts = await ctx.Data.ListAsync(ctx.Data.Contacts.Where(c => c.CoalitionId == coalition.Id && c.OrganisationId != null), ct);
        var routes = await Deliveries.ReachableAsync(ctx, contacts.Select(c => c.Id).ToList(), ct);
        var text = new StringBuilder();
        foreach (var org in orgs.OrderBy(o => o.Category is null ? int.MaxValue : coalition.Categories.IndexOf(o.Category)).ThenBy(o => o.SortName, DirectoryOrder.For(coalition.Culture)))
        {
            text.Append(org.Name).Append(" — ").Append(org.Category ?? "no category").Append(org.Country is null ? "" : ", " + org.Country).AppendLine();
            foreach (var c in contacts.Where(c => c.OrganisationId == org.Id).OrderBy(c => c.Name))
            {
                text.Append("    ").Append(c.Name).Append(c.Email is null ? "" : $" <{c.Email}>")
                    .Append(c.IsAuthorisedSigner ? ", signer" : ", not a signer")
                    .AppendLine(", " + ReachText.Describe(c, routes.GetValueOrDefault(c.Id)));
            }
        }

        var pending = contacts.Count(c => c.Email is not null && c.ReachCheckedAt is null);
        if (pending > 0)
        {
            text.AppendLine().Append(CultureInfo.InvariantCulture, $"Still looking up {pending} of {Counted.Of(contacts.Count, "contact")} on Slack and Teams by e-mail; type `partners` again in a moment.");
        }

        return new MessageReply(new Message($"{Counted.Of(orgs.Count, "partner organisation")}", [
            new TextBlock($"Partner organisations ({orgs.Count})", Strong: true),
            new TextBlock(text.ToString().TrimEnd()),
        ]));
    }

    private static async Task<Reply> AddAsync(RequestContext ctx, CancellationToken ct)
    {
        var coalition = ctx.CoalitionOrThrow;
        var parts = ctx.Command.Rest.Split('|').Select(p => p.Trim()).ToArray();
        var name = parts[0];
        if (name.Length == 0 || name.Length > DirectoryLimits.NameMax)
        {
            throw new RefusalException($"Usage: `partners add <organisation> | <category> | <country>` (the name at most {DirectoryLimits.NameMax} characters).");
        }

        string? category = null;
        if (parts.Length > 1 && parts[1].Length > 0)
        {
            category = coalition.FindCategory(parts[1])
                ?? throw new RefusalException($"\"{Memos.Shorten(parts[1])}\" is not a category of this coalition. Choose one of: {string.Join(", ", coalition.Categories)}.");
        }

        var orgs = await Memos.OrganisationsAsync(ctx, ct);
        if (orgs.FirstOrDefault(o => o.IsKnownAs(name)) is { } existing)
        {
            throw new RefusalException($"\"{existing.Name}\" is already in the directory.");
        }

        var org = new Organisation
        {
            CoalitionId = coalition.Id,
            Name = name,
            SortName = SortNames.Derive(name),
            Category = category,
            Country = parts.Length > 2 && parts[2].Length > 0 ? Memos.Shorten(parts[2], 100) : null,
            Aliases = parts.Length > 3 ? parts[3].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList() : [],
            CreatedAt = ctx.Now,
        };
        ctx.Data.Add(org);
        ctx.Audit("organisation.added", org.Name, null, after: new { org.Name, org.SortName, org.Category, org.Country });
        await ctx.SaveAsync(ct);
        return new MessageReply(Message.Text($"Added {org.Name} ({org.Category ?? "no category"}). Now add the people who answer for it: `partners link {org.Name} | <person> | <email>`."));
    }

    private static async Task<Reply> LinkAsync(RequestContext ctx, CancellationToken ct)
    {
        var coalition = ctx.CoalitionOrThrow;
        var parts = ctx.Command.Rest.Split('|').Select(p => p.Trim()).ToArray();
        if (parts.Length < 3 || parts[1].Length == 0)
        {
            throw new RefusalException("Usage: `partners link <organisation> | <person> | <email> [| non-signer] [| prefers slack|teams|email]`.");
        }

        var org = await RequireOrganisationAsync(ctx, parts[0], ct);
        var email = Contact.NormaliseEmail(parts[2]);
        if (email is null || !MailAddress.TryCreate(email, out _))
        {
            throw new RefusalException($"\"{Memos.Shorten(parts[2])}\" is not an e-mail address. People are recognised by their e-mail when they first talk to me.");
        }

        var (signer, prefers) = LinkOptions(parts.Skip(3));
        var contact = await ctx.Data.FirstOrDefaultAsync(ctx.Data.Contacts.Where(c => c.CoalitionId == coalition.Id && c.Email == email), ct);
        if (contact is not null && contact.OrganisationId is { } current && current != org.Id)
        {
            throw new RefusalException($"{email} is already a contact of another organisation.");
        }

        var created = contact is null;
        contact ??= new Contact { CoalitionId = coalition.Id, Name = Memos.Shorten(parts[1], DirectoryLimits.NameMax), Email = email, CreatedAt = ctx.Now };
        contact.OrganisationId = org.Id;
        contact.IsAuthorisedSigner = signer;
        contact.PreferredPlatform = prefers;
        contact.ReachCheckedAt = null; // looked up again in the background
        if (created)
        {
            ctx.Data.Add(contact);
        }

        ctx.Audit("contact.linked", $"{contact.Name} → {org.Name}", null, after: new { contact.Name, contact.Email, Organisation = org.Name, Signer = signer, Prefers = PreferredChannel.Format(prefers) });
        await ctx.SaveAsync(ct);
        var how = prefers is { } p ? $" They prefer {ContactRoutes.Name(p)}." : " I look them up on Slack and Teams by that e-mail; if neither knows them, memos reach them by e-mail with a personal link.";
        return new MessageReply(Message.Text($"{contact.Name} <{email}> is a contact of {org.Name}{(signer ? " and may sign for it" : " (not a signer)")}.{how}"));
    }

    /// <summary>The optional parts after the e-mail: `non-signer` and `prefers slack|teams|email`, in any order.</summary>
    private static (bool Signer, Platform? Prefers) LinkOptions(IEnumerable<string> parts)
    {
        var signer = true;
        Platform? prefers = null;
        foreach (var part in parts.Where(p => p.Length > 0))
        {
            var words = part.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (part.Replace(" ", "").Replace("-", "").Equals("nonsigner", StringComparison.OrdinalIgnoreCase))
            {
                signer = false;
            }
            else if (words is [var verb, var channel] && verb.Equals("prefers", StringComparison.OrdinalIgnoreCase) && PreferredChannel.Parse(channel) is { } platform)
            {
                prefers = platform;
            }
            else
            {
                throw new RefusalException($"\"{Memos.Shorten(part)}\" is not an option of `partners link`: use `non-signer` or `prefers slack`, `prefers teams`, `prefers email`.");
            }
        }

        return (signer, prefers);
    }

    /// <summary>Finds an organisation by name or alias (case-insensitive), refusing with the closest names when absent.</summary>
    public static async Task<Organisation> RequireOrganisationAsync(RequestContext ctx, string name, CancellationToken ct)
    {
        name = name.Trim();
        var orgs = await Memos.OrganisationsAsync(ctx, ct);
        if (orgs.FirstOrDefault(o => o.IsKnownAs(name)) is { } org)
        {
            return org;
        }

        var close = orgs.Where(o => o.Name.Contains(name, StringComparison.OrdinalIgnoreCase)).Select(o => o.Name).Take(5).ToList();
        throw new RefusalException(close.Count == 1
            ? $"I don't know \"{Memos.Shorten(name)}\". Did you mean \"{close[0]}\"?"
            : $"I don't know an organisation called \"{Memos.Shorten(name)}\". Type `partners` to see the directory.");
    }
}
