using CoalitionBot.Documents;
using System.Net.Mail;
using System.Text;
using CoalitionBot.Core.Domain;
using CoalitionBot.Core.Downloads;
using CoalitionBot.Core.Messages;
using CoalitionBot.Core.Replies;
using CoalitionBot.Core.Routing;

namespace CoalitionBot.Core.Features;

/// <summary>`partners`: the directory of partner organisations and their contacts (coordinators manage it).</summary>
public sealed class PartnersFeature(DownloadLinks links) : IFeature
{
    private const string Usage = "partners [list | add <organisation> | <category> | <country> | link <organisation> | <person> | <email> [| non-signer] | import + CSV lines | export | duplicates | merge <keep> | <duplicate>]";

    public IEnumerable<Route> Routes =>
    [
        Route.Command("partners", Permission.Coordinator, Usage,
            "The partner directory. `partners add` adds an organisation; `partners link` adds a contact person (they are recognised by e-mail when they first talk to me); `partners import` takes a CSV (all or nothing), `partners export` gives one; `partners duplicates` and `partners merge` clean it up.", Partners),
    ];

    private async Task<Reply> Partners(RequestContext ctx, CancellationToken ct)
    {
        var (verb, rest) = ctx.Command.SplitRest();
        return verb.ToLowerInvariant() switch
        {
            "" or "list" => await ListAsync(ctx, ct),
            "add" => await AddAsync(ctx, rest, ct),
            "link" or "contact" => await LinkAsync(ctx, rest, ct),
            "import" => await PartnerDirectoryCommands.ImportAsync(ctx, rest, ct),
            "export" => Export(ctx),
            "duplicates" => await PartnerDirectoryCommands.DuplicatesAsync(ctx, ct),
            "merge" => await PartnerDirectoryCommands.MergeAsync(ctx, rest, ct),
            _ => throw new RefusalException($"Usage: `{Usage}`"),
        };
    }

    private MessageReply Export(RequestContext ctx) => new(new Message("Partner directory export", [
        new TextBlock("The partner directory as CSV, in the format `partners import` reads."),
        new TextBlock(links.ExpiryNote(ctx.Me?.TimeZone)),
        links.ForDirectory(ctx.CoalitionOrThrow),
    ]));

    private static async Task<Reply> ListAsync(RequestContext ctx, CancellationToken ct)
    {
        var coalition = ctx.CoalitionOrThrow;
        var orgs = await Memos.OrganisationsAsync(ctx, ct);
        if (orgs.Count == 0)
        {
            return new MessageReply(Message.Text("The partner directory is empty. Add an organisation with `partners add <organisation> | <category> | <country>`."));
        }

        var contacts = await ctx.Data.ListAsync(ctx.Data.Contacts.Where(c => c.CoalitionId == coalition.Id && c.OrganisationId != null), ct);
        var contactIds = contacts.Select(c => c.Id).ToList();
        var linked = (await ctx.Data.ListAsync(ctx.Data.Identities.Where(i => contactIds.Contains(i.ContactId)).Select(i => i.ContactId), ct)).ToHashSet();
        var text = new StringBuilder();
        foreach (var org in orgs.OrderBy(o => o.Category is null ? int.MaxValue : coalition.Categories.IndexOf(o.Category)).ThenBy(o => o.SortName, DirectoryOrder.For(coalition.Culture)))
        {
            text.Append(org.Name).Append(" — ").Append(org.Category ?? "no category").Append(org.Country is null ? "" : ", " + org.Country).AppendLine();
            foreach (var c in contacts.Where(c => c.OrganisationId == org.Id).OrderBy(c => c.Name))
            {
                text.Append("    ").Append(c.Name).Append(c.Email is null ? "" : $" <{c.Email}>")
                    .Append(c.IsAuthorisedSigner ? ", signer" : ", not a signer")
                    .Append(linked.Contains(c.Id) ? ", reachable in chat" : ", not yet seen in chat")
                    .AppendLine(c.Unreachable ? ", UNREACHABLE" : "");
            }
        }

        return new MessageReply(new Message($"{orgs.Count} partner organisation(s)", [
            new TextBlock($"Partner organisations ({orgs.Count})", Strong: true),
            new TextBlock(text.ToString().TrimEnd()),
        ]));
    }

    private static async Task<Reply> AddAsync(RequestContext ctx, string rest, CancellationToken ct)
    {
        var coalition = ctx.CoalitionOrThrow;
        var parts = rest.Split('|').Select(p => p.Trim()).ToArray();
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

    private static async Task<Reply> LinkAsync(RequestContext ctx, string rest, CancellationToken ct)
    {
        var coalition = ctx.CoalitionOrThrow;
        var parts = rest.Split('|').Select(p => p.Trim()).ToArray();
        if (parts.Length < 3 || parts[1].Length == 0)
        {
            throw new RefusalException("Usage: `partners link <organisation> | <person> | <email> [| non-signer]`.");
        }

        var org = await RequireOrganisationAsync(ctx, parts[0], ct);
        var email = Contact.NormaliseEmail(parts[2]);
        if (email is null || !MailAddress.TryCreate(email, out _))
        {
            throw new RefusalException($"\"{Memos.Shorten(parts[2])}\" is not an e-mail address. People are recognised by their e-mail when they first talk to me.");
        }

        var signer = !(parts.Length > 3 && parts[3].Replace(" ", "").Replace("-", "").Equals("nonsigner", StringComparison.OrdinalIgnoreCase));
        var contact = await ctx.Data.FirstOrDefaultAsync(ctx.Data.Contacts.Where(c => c.CoalitionId == coalition.Id && c.Email == email), ct);
        if (contact is not null && contact.OrganisationId is { } current && current != org.Id)
        {
            throw new RefusalException($"{email} is already a contact of another organisation.");
        }

        var created = contact is null;
        contact ??= new Contact { CoalitionId = coalition.Id, Name = Memos.Shorten(parts[1], DirectoryLimits.NameMax), Email = email, CreatedAt = ctx.Now };
        contact.OrganisationId = org.Id;
        contact.IsAuthorisedSigner = signer;
        if (created)
        {
            ctx.Data.Add(contact);
        }

        ctx.Audit("contact.linked", $"{contact.Name} → {org.Name}", null, after: new { contact.Name, contact.Email, Organisation = org.Name, Signer = signer });
        await ctx.SaveAsync(ct);
        return new MessageReply(Message.Text($"{contact.Name} <{email}> is a contact of {org.Name}{(signer ? " and may sign for it" : " (not a signer)")}. They are recognised by that e-mail when they first talk to me."));
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
