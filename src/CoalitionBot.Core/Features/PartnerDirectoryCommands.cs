using System.Globalization;
using System.Text;
using CoalitionBot.Core.Domain;
using CoalitionBot.Core.Downloads;
using CoalitionBot.Core.Messages;
using CoalitionBot.Core.Reach;
using CoalitionBot.Core.Replies;
using CoalitionBot.Core.Routing;
using CoalitionBot.Documents;

namespace CoalitionBot.Core.Features;

/// <summary>`partners import | export | duplicates | merge`: the directory in bulk, with the Documents library's CSV and duplicate rules.</summary>
internal sealed class PartnerDirectoryCommands(DownloadLinks links, Reach.ReachSignal lookups) : IFeature
{
    public const string ImportUsage = "partners import + the directory CSV on the next lines (columns: " + "organisation, sort_name, category, country, contact_name, contact_email, slack_id, teams_id, and optionally channel: slack, teams or email)";
    private const string MergeUsage = "partners merge <keep> | <duplicate>";

    public IEnumerable<Route> Routes =>
    [
        Route.Command(223, "partners import", Permission.Coordinator, ImportUsage,
            "Adds many organisations and contacts at once from a CSV, all or nothing: any wrong line is reported and nothing is imported. New contacts are then looked up on Slack and Teams in the background.",
            async (ctx, ct) => LookUp(await ImportAsync(ctx, ct))),
        Route.Command(224, "partners export", Permission.Coordinator, "partners export",
            "A download link to the directory as CSV, in the format `partners import` reads.", Export),
        Route.Command(225, "partners duplicates", Permission.Coordinator, "partners duplicates",
            "Organisations that are probably the same, with the reason.", DuplicatesAsync),
        Route.Command(226, "partners merge", Permission.Coordinator, MergeUsage,
            "Merges a duplicate into the organisation to keep: contacts and sign-ons move, the duplicate's name becomes an alias.", MergeAsync),
    ];

    /// <summary>Wakes the background look-up of new contacts on Slack and Teams, so the command answers at once.</summary>
    private Reply LookUp(Reply reply)
    {
        lookups.Notify();
        return reply;
    }

    private Task<Reply> Export(RequestContext ctx, CancellationToken ct) => Task.FromResult<Reply>(new MessageReply(new Message("Partner directory export", [
        new TextBlock("The partner directory as CSV, in the format `partners import` reads."),
        new TextBlock(links.ExpiryNote(ctx.Me?.TimeZone)),
        links.ForDirectory(ctx.CoalitionOrThrow),
    ])));

    /// <summary>All or nothing: any problem in the CSV (or with existing contacts) is reported by line and nothing is stored.</summary>
    private static async Task<Reply> ImportAsync(RequestContext ctx, CancellationToken ct)
    {
        var csv = ctx.Command.Rest;
        var coalition = ctx.CoalitionOrThrow;
        if (csv.Trim().Length == 0)
        {
            throw new RefusalException($"Usage: `{ImportUsage}`. `partners export` gives a file in this format to start from.");
        }

        var result = PartnerDirectoryCsv.Parse(csv, new DirectoryImportOptions(coalition.Categories));
        if (!result.IsValid)
        {
            return Report("The directory CSV has problems, so nothing was imported. Fix these lines and send it again:", result.Issues.Select(i => i.ToString()));
        }

        var orgs = await Memos.OrganisationsAsync(ctx, ct);
        var contacts = await ctx.Data.ListAsync(ctx.Data.Contacts.Where(c => c.CoalitionId == coalition.Id), ct);
        var problems = new List<string>();
        var plan = new List<(DirectoryOrganisation Row, Organisation? Existing)>();
        foreach (var row in result.Organisations)
        {
            var existing = orgs.FirstOrDefault(o => o.IsKnownAs(row.Name));
            foreach (var person in row.Contacts.Where(p => p.Email is not null))
            {
                var owner = contacts.FirstOrDefault(c => c.Email == Contact.NormaliseEmail(person.Email));
                if (owner?.OrganisationId is { } current && current != existing?.Id)
                {
                    problems.Add($"{person.Email} is already a contact of {orgs.FirstOrDefault(o => o.Id == current)?.Name ?? "another organisation"}, not of {row.Name}.");
                }
            }

            plan.Add((row, existing));
        }

        if (problems.Count > 0)
        {
            return Report("Nothing was imported: these rows clash with the directory.", problems);
        }

        int added = 0, updated = 0, people = 0, unusedIds = 0;
        foreach (var (row, existing) in plan)
        {
            var org = existing;
            if (org is null)
            {
                org = new Organisation { CoalitionId = coalition.Id, Name = row.Name, SortName = row.SortName, Category = coalition.FindCategory(row.Category), Country = row.Country, CreatedAt = ctx.Now };
                org.Aliases.AddRange(row.Aliases ?? []);
                org.SortNameOverridden = org.SortName != SortNames.Derive(org.Name);
                ctx.Data.Add(org);
                orgs.Add(org);
                added++;
                ctx.Audit("organisation.imported", org.Name, null, after: new { org.Name, org.SortName, org.Category, org.Country });
            }
            else
            {
                var before = new { org.Category, org.Country };
                org.Category ??= coalition.FindCategory(row.Category);
                org.Country ??= row.Country;
                foreach (var alias in (row.Aliases ?? []).Prepend(row.Name).Where(a => !org.IsKnownAs(a)))
                {
                    org.Aliases.Add(alias);
                }

                updated++;
                ctx.Audit("organisation.updated", org.Name, null, before, new { org.Category, org.Country, Source = "import" });
            }

            foreach (var person in row.Contacts)
            {
                var email = Contact.NormaliseEmail(person.Email);
                unusedIds += (person.SlackId is null ? 0 : 1) + (person.TeamsId is null ? 0 : 1);
                var contact = email is null
                    ? contacts.FirstOrDefault(c => c.OrganisationId == org.Id && string.Equals(c.Name, person.Name, StringComparison.OrdinalIgnoreCase))
                    : contacts.FirstOrDefault(c => c.Email == email);
                if (contact is null)
                {
                    contact = new Contact { CoalitionId = coalition.Id, Name = person.Name, Email = email, CreatedAt = ctx.Now };
                    ctx.Data.Add(contact);
                    contacts.Add(contact);
                }

                contact.OrganisationId = org.Id;
                contact.PreferredPlatform = PreferredChannel.Parse(person.Channel);
                contact.ReachCheckedAt = null; // looked up in the background
                contact.IsAuthorisedSigner = person.IsSigner;
                people++;
                ctx.Audit("contact.imported", $"{contact.Name} → {org.Name}", null, after: new { contact.Name, contact.Email, Organisation = org.Name });
            }
        }

        await ctx.SaveAsync(ct);
        var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture,
            $"Imported the directory: {Counted.Of(added, "organisation")} added, {updated} already known (missing category or country filled in), {Counted.Of(people, "contact")} linked."));
        if (unusedIds > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $" {Counted.Of(unusedIds, "Slack/Teams id")} {(unusedIds == 1 ? "was" : "were")} not stored: people are found by their e-mail.");
        }

        var imported = plan.Select(p => p.Row.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var likely = DuplicateOrganisations.Find(orgs.Select(o => (o.Name, (IReadOnlyList<string>)o.Aliases)))
            .Where(p => imported.Contains(p.First) || imported.Contains(p.Second)).ToList();
        if (likely.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n{Counted.Of(likely.Count, "likely duplicate")} — check them and merge with `partners merge <keep> | <duplicate>`:");
            foreach (var pair in likely.Take(20))
            {
                text.Append(CultureInfo.InvariantCulture, $"\n• {pair.First} ↔ {pair.Second}: {pair.Reason}");
            }
        }
        text.Append(" I am looking them up on Slack and Teams by e-mail in the background (everyone else is reached by e-mail); `partners` shows how each is reached.");

        return new MessageReply(Message.Text(text.ToString()));
    }

    private static async Task<Reply> DuplicatesAsync(RequestContext ctx, CancellationToken ct)
    {
        var orgs = await Memos.OrganisationsAsync(ctx, ct);
        var pairs = DuplicateOrganisations.Find(orgs.Select(o => (o.Name, (IReadOnlyList<string>)o.Aliases)));
        if (pairs.Count == 0)
        {
            return new MessageReply(Message.Text($"No likely duplicates among {Counted.Of(orgs.Count, "organisation")}."));
        }

        return Report($"{Counted.Of(pairs.Count, "likely duplicate")}. Merge one into the other with `partners merge <keep> | <duplicate>`:",
            pairs.Select(p => $"{p.First} ↔ {p.Second}: {p.Reason}"));
    }

    /// <summary>
    /// Moves the duplicate's contacts and sign-ons to the organisation kept and makes its name an alias, in one
    /// audited save. Refused (nothing changed) when both answered one memo differently.
    /// </summary>
    private static async Task<Reply> MergeAsync(RequestContext ctx, CancellationToken ct)
    {
        var parts = ctx.Command.Rest.Split('|').Select(p => p.Trim()).ToArray();
        if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
        {
            throw new RefusalException("Usage: `partners merge <organisation to keep> | <duplicate>`. `partners duplicates` lists likely ones.");
        }

        var keep = await PartnersFeature.RequireOrganisationAsync(ctx, parts[0], ct);
        var duplicate = await PartnersFeature.RequireOrganisationAsync(ctx, parts[1], ct);
        if (keep.Id == duplicate.Id)
        {
            throw new RefusalException($"\"{parts[0]}\" and \"{parts[1]}\" are already the same organisation ({keep.Name}).");
        }

        var keepKey = SignOn.KeyForOrganisation(keep.Id);
        var dupKey = SignOn.KeyForOrganisation(duplicate.Id);
        var signOns = await ctx.Data.ListAsync(ctx.Data.SignOns.Where(s => s.OrganisationId == keep.Id || s.OrganisationId == duplicate.Id), ct);
        var memoIds = signOns.Select(s => s.MemoId).Distinct().ToList();
        var memos = (await ctx.Data.ListAsync(ctx.Data.Memos.Where(m => memoIds.Contains(m.Id)), ct)).ToDictionary(m => m.Id);
        var conflicts = new List<string>();
        foreach (var theirs in signOns.Where(s => s.SignerKey == dupKey))
        {
            if (signOns.FirstOrDefault(s => s.MemoId == theirs.MemoId && s.SignerKey == keepKey) is { } ours && ours.State != theirs.State)
            {
                conflicts.Add($"{memos[theirs.MemoId].Code}: {keep.Name} {Describe(ours)}, {duplicate.Name} {Describe(theirs)}");
            }
        }

        if (conflicts.Count > 0)
        {
            return Report($"I can't merge {duplicate.Name} into {keep.Name}: they answered these memos differently. Settle them first (for example `sign M-3 for {keep.Name}` or `withdraw`), then merge.", conflicts);
        }

        var before = new { Keep = keep.Name, keep.Aliases, Duplicate = duplicate.Name, DuplicateAliases = duplicate.Aliases };
        int moved = 0, dropped = 0;
        foreach (var theirs in signOns.Where(s => s.OrganisationId == duplicate.Id))
        {
            if (theirs.SignerKey == dupKey && signOns.Any(s => s.MemoId == theirs.MemoId && s.SignerKey == keepKey))
            {
                ctx.Audit("signon.merged", $"{memos[theirs.MemoId].Code} / {duplicate.Name}", theirs.MemoId, before: new { theirs.DisplayName, State = theirs.State.ToString() }, after: new { Dropped = true, KeptFor = keep.Name });
                ctx.Data.Remove(theirs);
                dropped++;
                continue;
            }

            if (theirs.SignerKey == dupKey)
            {
                theirs.SignerKey = keepKey;
            }

            theirs.OrganisationId = keep.Id;
            ctx.Audit("signon.merged", $"{memos[theirs.MemoId].Code} / {duplicate.Name}", theirs.MemoId, before: new { Organisation = duplicate.Name }, after: new { Organisation = keep.Name });
            moved++;
        }

        var contacts = await ctx.Data.ListAsync(ctx.Data.Contacts.Where(c => c.OrganisationId == duplicate.Id), ct);
        foreach (var contact in contacts)
        {
            contact.OrganisationId = keep.Id;
        }

        foreach (var alias in duplicate.Aliases.Prepend(duplicate.Name).Where(a => !keep.IsKnownAs(a)).ToList())
        {
            keep.Aliases.Add(alias);
        }

        keep.Category ??= duplicate.Category;
        keep.Country ??= duplicate.Country;
        keep.Aliases = [.. keep.Aliases]; // a new list, so the change tracker sees the converted column change
        ctx.Data.Remove(duplicate);
        ctx.Audit("organisation.merged", $"{duplicate.Name} → {keep.Name}", null, before,
            new { Keep = keep.Name, keep.Aliases, ContactsMoved = contacts.Count, SignOnsMoved = moved, SignOnsDropped = dropped });
        await ctx.SaveAsync(ct);
        return new MessageReply(Message.Text(string.Create(CultureInfo.InvariantCulture,
            $"Merged {duplicate.Name} into {keep.Name}: {Counted.Of(contacts.Count, "contact")} and {Counted.Of(moved, "sign-on")} moved{(dropped > 0 ? $", {Counted.Of(dropped, "identical answer")} folded into {keep.Name}'s" : "")}. \"{duplicate.Name}\" is now an alias of {keep.Name}.")));
    }

    private static string Describe(SignOn s) => s.State switch
    {
        SignOnState.Signed => $"signed as \"{s.DisplayName}\"",
        SignOnState.Declined => "declined",
        _ => "withdrew",
    };

    private static MessageReply Report(string heading, IEnumerable<string> lines) =>
        new(new Message(heading, [new TextBlock(heading), new TextBlock(string.Join("\n", lines.Select(l => "• " + l)))]));
}
