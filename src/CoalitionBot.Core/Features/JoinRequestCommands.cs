using System.Globalization;
using CoalitionBot.Core.Domain;
using CoalitionBot.Core.Messages;
using CoalitionBot.Core.Reach;
using CoalitionBot.Core.Replies;
using CoalitionBot.Core.Routing;
using CoalitionBot.Documents;

namespace CoalitionBot.Core.Features;

/// <summary>
/// `partners requests`, `partners approve` and `partners decline-request`: the coordinators' side of people who asked
/// to join from a channel card (<see cref="JoinRequestForm"/>). Approving makes them a contact of their organisation
/// (a new one if it is not in the directory), links the chat identity they asked from, and sends them the memo card.
/// </summary>
public sealed class JoinRequestCommands(IPersonalLinks links) : IFeature
{
    public IEnumerable<Route> Routes =>
    [
        Route.Command(229, "partners approve", Permission.Coordinator, "partners approve <n>",
            "Confirms join request <n>: the person becomes a contact of their organisation (added if new) and gets the memo to sign.", ApproveAsync),
        Route.Command(230, "partners requests", Permission.Coordinator, "partners requests",
            "Join requests waiting for a coordinator: people I didn't know who pressed a memo card in a channel.", ListAsync),
        Route.Command(231, "partners decline-request", Permission.Coordinator, "partners decline-request <n>",
            "Declines join request <n>: nothing they answered is counted, and they are not added.", DeclineAsync),
    ];

    private static async Task<Reply> ListAsync(RequestContext ctx, CancellationToken ct)
    {
        var coalitionId = ctx.CoalitionOrThrow.Id;
        var pending = await ctx.Data.ListAsync(ctx.Data.JoinRequests.Where(r => r.CoalitionId == coalitionId && r.State == JoinRequestState.Pending).OrderBy(r => r.Number), ct);
        if (pending.Count == 0)
        {
            return new MessageReply(Message.Text("No join requests are waiting."));
        }

        var lines = pending.Select(r => $"#{r.Number} · {r.PersonName} <{r.Email}>, {r.Title} — says they are with \"{r.OrganisationName}\" ({r.Platform}, {TimeZones.Describe(r.CreatedAt, ctx.Me?.TimeZone)}{(r.MemoCode is null ? "" : ", " + r.MemoCode)})");
        return new MessageReply(Message.Text($"{pending.Count} join request(s) waiting — `partners approve <n>` or `partners decline-request <n>`:\n" + string.Join("\n", lines)));
    }

    private static async Task<Reply> DeclineAsync(RequestContext ctx, CancellationToken ct)
    {
        var request = await RequirePendingAsync(ctx, ct);
        request.State = JoinRequestState.Declined;
        request.DecidedAt = ctx.Now;
        ctx.Audit("join.declined", $"#{request.Number} {request.PersonName} → {request.OrganisationName}", null, before: new { State = "Pending" }, after: new { State = "Declined" });
        await ctx.SaveAsync(ct);
        return new MessageReply(Message.Text($"Join request #{request.Number} ({request.PersonName}, \"{request.OrganisationName}\") is declined; nothing they answer is counted."));
    }

    private async Task<Reply> ApproveAsync(RequestContext ctx, CancellationToken ct)
    {
        var coalition = ctx.CoalitionOrThrow;
        var request = await RequirePendingAsync(ctx, ct);
        var orgs = await Memos.OrganisationsAsync(ctx, ct);
        var org = orgs.FirstOrDefault(o => o.IsKnownAs(request.OrganisationName));
        var notes = new List<string>();
        if (org is null)
        {
            org = new Organisation { CoalitionId = coalition.Id, Name = request.OrganisationName, SortName = SortNames.Derive(request.OrganisationName), CreatedAt = ctx.Now };
            ctx.Data.Add(org);
            notes.Add($"{org.Name} is new in the directory (no category yet).");
            var likely = DuplicateOrganisations.Find(orgs.Append(org).Select(o => (o.Name, (IReadOnlyList<string>)o.Aliases)))
                .Where(p => p.First == org.Name || p.Second == org.Name).ToList();
            if (likely.Count > 0)
            {
                notes.Add("It is probably the same as: " + string.Join("; ", likely.Select(p => $"{(p.First == org.Name ? p.Second : p.First)} ({p.Reason})"))
                    + ". If so, `partners merge <keep> | " + org.Name + "`.");
            }
        }

        var contact = await ctx.Data.FirstOrDefaultAsync(ctx.Data.Contacts.Where(c => c.CoalitionId == coalition.Id && c.Email == request.Email), ct);
        if (contact?.OrganisationId is { } current && current != org.Id)
        {
            throw new RefusalException($"{request.Email} is already a contact of another organisation. Change it with `partners link`, then approve again.");
        }

        var identity = await ctx.Data.FirstOrDefaultAsync(ctx.Data.Identities.Where(i => i.Platform == request.Platform && i.TenantId == request.TenantId && i.UserId == request.UserId), ct);
        if (identity is not null && identity.ContactId != contact?.Id)
        {
            throw new RefusalException($"That {request.Platform} account is already linked to another contact; nothing was changed.");
        }

        if (contact is null)
        {
            contact = new Contact { CoalitionId = coalition.Id, Name = request.PersonName, Email = request.Email, CreatedAt = ctx.Now };
            ctx.Data.Add(contact);
        }

        contact.OrganisationId = org.Id;
        if (identity is null)
        {
            identity = new ContactIdentity { ContactId = contact.Id, Platform = request.Platform, TenantId = request.TenantId, UserId = request.UserId, Reference = request.Reference, LastSeenAt = request.CreatedAt };
            ctx.Data.Add(identity);
        }

        request.State = JoinRequestState.Approved;
        request.DecidedAt = ctx.Now;
        request.ContactId = contact.Id;
        ctx.Audit("join.approved", $"#{request.Number} {contact.Name} → {org.Name}", null, before: new { State = "Pending" },
            after: new { State = "Approved", Contact = contact.Name, contact.Email, Organisation = org.Name, request.Title, Platform = request.Platform.ToString() });
        await ctx.SaveAsync(ct);
        var sent = await SendMemoAsync(ctx, request, contact, identity, org, ct);
        return new MessageReply(Message.Text(string.Join(" ", [
            $"{contact.Name} <{contact.Email}> is now a contact of {org.Name} and may sign for it.",
            sent ? $"I sent them {request.MemoCode} to answer." : "I told them they can now sign.", .. notes])));
    }

    /// <summary>The memo card they pressed, in a DM (queued like a circulation, so it is sent once); else a short notice.</summary>
    private async Task<bool> SendMemoAsync(RequestContext ctx, JoinRequest request, Contact contact, ContactIdentity identity, Organisation org, CancellationToken ct)
    {
        var memo = request.MemoCode is { } code ? await FindMemoAsync(ctx, code, ct) : null;
        var intro = $"A coordinator confirmed you as a contact of {org.Name}: you can now answer for it.";
        var queued = 0;
        if (memo is { Status: MemoStatus.Open })
        {
            var version = await Memos.CurrentVersionAsync(ctx, memo, ct);
            queued = (await CirculationFeature.QueueAsync(ctx, links, memo, version, DeliveryPurpose.Circulation, intro + " " + CirculationFeature.Intro(memo), ct, new HashSet<Guid> { contact.Id })).Reached;
        }

        if (queued == 0)
        {
            Deliveries.Enqueue(ctx, identity, DeliveryPurpose.Notice, $"join-approved:{request.Id:N}", null, Message.Text(intro + " Type `help` to see what you can do."));
        }

        await ctx.SaveAsync(ct);
        return queued > 0;
    }

    private static async Task<Memo?> FindMemoAsync(RequestContext ctx, string code, CancellationToken ct)
    {
        try
        {
            return await Memos.RequireAsync(ctx, code, ct);
        }
        catch (RefusalException)
        {
            return null; // the card they pressed named a memo since deleted: they get the notice instead
        }
    }

    private static async Task<JoinRequest> RequirePendingAsync(RequestContext ctx, CancellationToken ct)
    {
        var coalitionId = ctx.CoalitionOrThrow.Id;
        var word = ctx.Command.SplitRest().First.TrimStart('#');
        if (!int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            throw new RefusalException($"Usage: `{ctx.Route!.Usage}` — the number from the join request (`partners requests` lists them).");
        }

        var request = await ctx.Data.FirstOrDefaultAsync(ctx.Data.JoinRequests.Where(r => r.CoalitionId == coalitionId && r.Number == number), ct)
            ?? throw new RefusalException($"There is no join request #{number}. `partners requests` lists the waiting ones.");
        return request.State == JoinRequestState.Pending
            ? request
            : throw new RefusalException($"Join request #{number} was already {request.State.ToString().ToLowerInvariant()}.");
    }
}
