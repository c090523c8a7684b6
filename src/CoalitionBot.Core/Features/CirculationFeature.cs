using CoalitionBot.Core.Domain;
using CoalitionBot.Core.Messages;
using CoalitionBot.Core.Reach;
using CoalitionBot.Core.Replies;
using CoalitionBot.Core.Routing;
using CoalitionBot.Documents;

namespace CoalitionBot.Core.Features;

/// <summary>`circulate`, `close`, `reopen` and `approve`: moving a memo through its life and telling partners.</summary>
public sealed class CirculationFeature(ContactReach reach, IPersonalLinks links, ChannelTargets channels) : IFeature
{
    public IEnumerable<Route> Routes =>
    [
        Route.Command(150, "circulate", Permission.Coordinator, "circulate M-3 [to here | #channel]", "Open a memo for sign-on and send it to every partner contact — by Slack DM, Teams chat or e-mail with a personal link (again only to those who have not had it). `to here` (typed in a channel) or `to #channel` also posts one card in a Slack or Teams channel, for everyone there.", CirculateCommand),
        Route.Action(ActionIds.Circulate, Permission.Coordinator, "Circulate a memo (the card's Circulate button).", (ctx, ct) => CirculateAsync(ctx, ctx.Action!.Value, ct)),
        Route.Command(160, "close", Permission.Coordinator, "close M-3", "Stop taking sign-ons (late ones follow the memo's late policy).", Close),
        Route.Command(170, "reopen", Permission.Coordinator, "reopen M-3", "Open a closed or final memo again.", Reopen),
        Route.Command(180, "approve", Permission.Coordinator, "approve M-3 <organisation>", "Accept a late sign-on held for approval.", Approve),
        Route.Action(ActionIds.OpenPage, Permission.Anyone, "A personal link to a memo's web page was opened.", (_, _) => Task.FromResult<Reply>(DuplicateReply.Instance)),
    ];

    private Task<Reply> CirculateCommand(RequestContext ctx, CancellationToken ct) =>
        ctx.Command.SplitRest() is var (code, rest) && ChannelCirculation.Names(rest)
            ? ChannelCirculation.CirculateAsync(ctx, code, rest, channels, () => CirculateAsync(ctx, code, ct), ct)
            : CirculateAsync(ctx, code, ct);

    private async Task<Reply> CirculateAsync(RequestContext ctx, string? code, CancellationToken ct)
    {
        CheckCirculable(ctx, await Memos.RequireAsync(ctx, code, ct));

        // Look people up on Slack and Teams first, outside the circulation's own save.
        var coalitionId = ctx.CoalitionOrThrow.Id;
        await reach.PrepareAsync(ctx.Data, await ctx.Data.ListAsync(ctx.Data.Contacts.Where(c => c.CoalitionId == coalitionId && c.OrganisationId != null), ct), ct);

        var memo = await Memos.RequireAsync(ctx, code, ct);
        CheckCirculable(ctx, memo);
        var wasDraft = memo.Status == MemoStatus.Draft;
        memo.Status = MemoStatus.Open;
        var version = await Memos.CurrentVersionAsync(ctx, memo, ct);
        var count = await QueueAsync(ctx, links, memo, version, DeliveryPurpose.Circulation, Intro(memo), ct);
        ctx.Audit(wasDraft ? "memo.opened" : "memo.recirculated", memo.Code, memo.Id, after: new { Queued = count.Reached, Route = count.Describe(), Unreachable = count.Unreachable.Count });
        await ctx.SaveAsync(ct);
        var text = $"{memo.Code} is open. {Counted.Of(count.Reached, "message")} queued — {count.Describe()}. `status {memo.Code}` shows delivery progress.";
        if (count.Unreachable.Count > 0)
        {
            text += $"\nNot reachable ({count.Unreachable.Count}): {string.Join("; ", count.Unreachable.Take(20))}{(count.Unreachable.Count > 20 ? "; …" : "")}. Add an e-mail with `partners link`.";
        }

        if (count.Waiting.Count > 0)
        {
            text += $"\nStill being looked up ({count.Waiting.Count}): Slack asked me to wait before looking up more people by e-mail. Each gets the memo as soon as the look-up answers — no need to circulate again.";
        }

        return new MessageReply(Message.Text(text));
    }

    private static void CheckCirculable(RequestContext ctx, Memo memo)
    {
        if (memo.Status is not (MemoStatus.Draft or MemoStatus.Open))
        {
            throw new RefusalException($"{memo.Code} is {memo.Status.ToString().ToLowerInvariant()}; type `reopen {memo.Code}` first.");
        }

        if (memo.Deadline is { } deadline && deadline <= ctx.Now)
        {
            throw new RefusalException($"{memo.Code}'s deadline has passed. Publish it again with a new deadline before circulating.");
        }
    }

    /// <summary>
    /// Queues the memo card to every partner contact who has not had this version yet, each by their route (the
    /// e-mail route with their personal link); returns the count by route and who cannot be reached, with why.
    /// </summary>
    public static async Task<RouteCount> QueueAsync(RequestContext ctx, IPersonalLinks links, Memo memo, MemoVersion version, string purpose, string intro, CancellationToken ct, IReadOnlySet<Guid>? only = null)
    {
        var coalitionId = ctx.CoalitionOrThrow.Id;
        var contacts = await ctx.Data.ListAsync(ctx.Data.Contacts.Where(c => c.CoalitionId == coalitionId && c.OrganisationId != null), ct);
        contacts = only is null ? contacts : [.. contacts.Where(c => only.Contains(c.Id))];
        var routes = await Deliveries.ReachableAsync(ctx, contacts.Select(c => c.Id).ToList(), ct);
        var keys = contacts.ToDictionary(c => c.Id, c => $"{purpose}:{memo.Id:N}:v{version.Number}:{c.Id:N}");
        var done = await Deliveries.ExistingKeysAsync(ctx, keys.Values.ToList(), ct);
        var signOns = (await Memos.SignOnsAsync(ctx, memo, ct)).ToDictionary(s => s.SignerKey);
        var count = new RouteCount();
        foreach (var contact in contacts)
        {
            if (!routes.TryGetValue(contact.Id, out var identity) && contact.ReachRetryAt is not null && contact.ReachCheckedAt is null)
            {
                count.Waiting.Add(contact.Name); // a look-up Slack asked to wait for: ReachSweep sends it when it answers
                continue;
            }

            if (identity is null)
            {
                count.Unreachable.Add($"{contact.Name} ({Unreachability.Why(contact)})");
                continue;
            }

            if (done.Contains(keys[contact.Id]))
            {
                continue;
            }

            var answer = Memos.SignerKeyFor(memo, contact) is { } key ? signOns.GetValueOrDefault(key) : null;
            var message = await EmailRoute.WithLinkAsync(links, ctx, identity, contact, memo, MemoCards.Card(memo, version, answer, intro), ct);
            Deliveries.Enqueue(ctx, identity, purpose, keys[contact.Id], memo, message).Route = ContactRoutes.Describe(identity, contact);
            count.Add(identity.Platform);
        }

        return count;
    }

    /// <summary>The first line of the circulated card.</summary>
    public static string Intro(Memo memo) => $"{memo.Title} — please sign on by the deadline, decline, or comment.";

    /// <summary>Tells partner contacts about a new version of an open memo.</summary>
    public static async Task<int> SendVersionAsync(RequestContext ctx, IPersonalLinks links, Memo memo, MemoVersion version, bool substantive, string changes, CancellationToken ct)
    {
        var intro = (substantive
            ? $"{memo.Code} has a new version ({version.Number}) with substantive changes. If your organisation signed, please re-confirm."
            : $"{memo.Code} has a new version ({version.Number}) with minor changes; sign-ons carry over.")
            + $" Changes: {changes.TrimEnd('.')}. Type `diff {memo.Code}` to see them word by word.";
        return (await QueueAsync(ctx, links, memo, version, DeliveryPurpose.NewVersion, intro, ct)).Reached;
    }

    private static async Task<Reply> Close(RequestContext ctx, CancellationToken ct)
    {
        var memo = await Memos.RequireAsync(ctx, ctx.Command.SplitRest().First, ct);
        if (memo.Status != MemoStatus.Open)
        {
            throw new RefusalException($"{memo.Code} is {memo.Status.ToString().ToLowerInvariant()}, not open, so it can't be closed.");
        }

        await CloseAsync(ctx, memo, ct);
        await ctx.SaveAsync(ct);
        var status = await StatusFeature.BuildAsync(ctx, memo, ct);
        return new MessageReply(new Message($"{memo.Code} is closed", [new TextBlock($"{memo.Code} is closed. Type `compile {memo.Code}` for the final list."), .. status.Blocks]));
    }

    /// <summary>Closes an open memo, audited, and cancels its pending reminders in the same unit of work. Shared with the deadline closer.</summary>
    public static async Task CloseAsync(RequestContext ctx, Memo memo, CancellationToken ct)
    {
        memo.Status = MemoStatus.Closed;
        memo.ClosedAt = ctx.Now;
        ctx.Audit("memo.closed", memo.Code, memo.Id, before: new { Status = "Open" }, after: new { Status = "Closed" });
        await Reminders.ReminderQueue.CancelPendingAsync(ctx.Data, memo.Id, _ => true, "The memo closed.", ctx.Now, ct);
        await Cards.CardUpdates.QueueAsync(ctx, memo, null, ct); // every delivered card shows it closed
    }

    private static async Task<Reply> Reopen(RequestContext ctx, CancellationToken ct)
    {
        var memo = await Memos.RequireAsync(ctx, ctx.Command.SplitRest().First, ct);
        if (memo.Status is not (MemoStatus.Closed or MemoStatus.Final))
        {
            throw new RefusalException($"{memo.Code} is {memo.Status.ToString().ToLowerInvariant()}; only closed or final memos can be reopened.");
        }

        var before = new { Status = memo.Status.ToString(), memo.FinalListHash };
        memo.Status = MemoStatus.Open;
        memo.ClosedAt = null;
        memo.FinalListHash = null;
        ctx.Audit("memo.reopened", memo.Code, memo.Id, before, new { Status = "Open" });
        await Cards.CardUpdates.QueueAsync(ctx, memo, null, ct);
        await ctx.SaveAsync(ct);
        var deadlineNote = memo.Deadline is { } d && d <= ctx.Now ? " Its deadline has passed, so new sign-ons count as late." : "";
        return new MessageReply(Message.Text($"{memo.Code} is open again.{deadlineNote}"));
    }

    private static async Task<Reply> Approve(RequestContext ctx, CancellationToken ct)
    {
        var (code, name) = ctx.Command.SplitRest();
        var memo = await Memos.RequireAsync(ctx, code, ct);
        var org = await PartnersFeature.RequireOrganisationAsync(ctx, name, ct);
        var key = SignOn.KeyForOrganisation(org.Id);
        var signOn = await ctx.Data.FirstOrDefaultAsync(ctx.Data.SignOns.Where(s => s.MemoId == memo.Id && s.SignerKey == key), ct);
        if (signOn is not { State: SignOnState.Signed, AwaitingApproval: true })
        {
            throw new RefusalException($"{org.Name} has no late sign-on on {memo.Code} waiting for approval.");
        }

        signOn.AwaitingApproval = false;
        ctx.Audit("signon.approved", $"{memo.Code} / {org.Name}", memo.Id, before: new { AwaitingApproval = true }, after: new { AwaitingApproval = false });
        await Cards.CardUpdates.QueueAsync(ctx, memo, key, ct);
        await ctx.SaveAsync(ct);
        return new MessageReply(Message.Text($"{org.Name}'s late sign-on on {memo.Code} is approved and will appear on the list (marked late)."));
    }
}
