using CoalitionBot.Core.Dashboard;
using CoalitionBot.Core.Domain;
using CoalitionBot.Core.Messages;
using CoalitionBot.Core.Reach;
using CoalitionBot.Core.Replies;
using CoalitionBot.Core.Routing;
using CoalitionBot.Documents;

namespace CoalitionBot.Core.Features;

/// <summary>`status M`: every organisation under its answer, counts by answer and category, and delivery progress.</summary>
public sealed class StatusFeature : IFeature
{
    public IEnumerable<Route> Routes =>
    [
        Route.Command(110, "status", Permission.Coordinator, "status M-3", "Every organisation under its answer (signed, declined with the reason, to re-confirm, no answer with the unreachable ones flagged), counts by category, and how circulation is going.", Status),
        Route.Action(ActionIds.Status, Permission.Coordinator, "Show a memo's status.", StatusButton),
    ];

    private static async Task<Reply> Status(RequestContext ctx, CancellationToken ct) =>
        new MessageReply(await BuildAsync(ctx, await Memos.RequireAsync(ctx, ctx.Command.SplitRest().First, ct), ct));

    private static async Task<Reply> StatusButton(RequestContext ctx, CancellationToken ct) =>
        new MessageReply(await BuildAsync(ctx, await Memos.RequireAsync(ctx, ctx.Action!.Value, ct), ct));

    public static async Task<Message> BuildAsync(RequestContext ctx, Memo memo, CancellationToken ct)
    {
        // The dashboard's board: every organisation once, with its one answer, in the final list's order.
        var board = await new MemoBoardQuery(ctx.Data, ctx.Clock).LoadAsync(ctx.CoalitionOrThrow.Id, memo.Code, null, ct)
            ?? throw new InvalidOperationException($"{memo.Code} vanished while its status was read.");
        var rows = board.Groups.SelectMany(g => g.Rows).ToList();
        var counts = AnswerCounts.Of(rows.Select(r => r.Answer));
        var blocks = new List<Block>
        {
            new TextBlock($"{memo.Code}: {memo.Title} — {memo.Status}", Strong: true),
            new FieldsBlock([
                new Field("Signed", counts.Signed.ToString()),
                new Field("Awaiting approval", counts.AwaitingApproval.ToString()),
                new Field("Needs re-confirmation", counts.NeedsReconfirmation.ToString()),
                new Field("Declined", counts.Declined.ToString()),
                new Field("Withdrawn", counts.Withdrawn.ToString()),
                new Field("No answer", counts.NoAnswer.ToString()),
                new Field("Total", Counted.Of(counts.Total, memo.Mode == SignOnMode.Individuals ? "person" : "organisation", memo.Mode == SignOnMode.Individuals ? "people" : null)),
                new Field("Late", rows.Count(r => r.Given is { Late: true } && r.Answer is Answer.Signed or Answer.AwaitingApproval or Answer.NeedsReconfirmation).ToString()),
                new Field("Deadline", memo.Deadline is { } d ? TimeZones.Describe(d, memo.TimeZone) : "none"),
            ]),
        };

        var byCategory = board.Groups.Select(g =>
            $"{g.Heading}: {Count(g, Answer.Signed, Answer.AwaitingApproval)} signed, {Count(g, Answer.NeedsReconfirmation)} to re-confirm, {Count(g, Answer.Declined)} declined, {Count(g, Answer.NoAnswer)} no answer");
        blocks.Add(new TextBlock("By category", Strong: true));
        blocks.Add(new TextBlock(string.Join("\n", byCategory)));
        blocks.AddRange(await StatusListing.BuildAsync(ctx, memo, board.Groups, ct));
        if (counts.NoAnswer == 0)
        {
            blocks.Add(new TextBlock("Everyone has answered."));
        }

        blocks.Add(new TextBlock(await DeliveryProgressAsync(ctx, memo, ct)));
        if (await ReachProgress.DescribeAsync(ctx, memo, ct) is { } reach)
        {
            blocks.Add(new TextBlock(reach));
        }

        blocks.Add(new ButtonsBlock([new Button("Dashboard", ActionIds.Dashboard, memo.Code)])); // status is for coordinators only, so is the button
        return new Message($"{memo.Code}: {counts.Signed} signed, {counts.NoAnswer} not answered", blocks);
    }

    private static int Count(BoardGroup group, params Answer[] answers) => group.Rows.Count(r => answers.Contains(r.Answer));

    private static async Task<string> DeliveryProgressAsync(RequestContext ctx, Memo memo, CancellationToken ct)
    {
        var rows = await ctx.Data.ListAsync(ctx.Data.Deliveries.Where(d => d.MemoId == memo.Id && d.State != DeliveryState.Cancelled)
            .Select(d => new { d.State, d.LastError, d.ContactId, d.Purpose, d.NotBefore }), ct);
        if (rows.Count == 0)
        {
            return memo.Status == MemoStatus.Draft ? $"Not circulated yet: type `circulate {memo.Code}` when it is ready." : "No messages sent for this memo.";
        }

        var sent = rows.Count(r => r.State == DeliveryState.Sent);
        var failed = rows.Where(r => r.State == DeliveryState.Failed).ToList();
        var text = $"Messages: delivered {sent} of {rows.Count}, {failed.Count} failed";
        if (failed.Count > 0)
        {
            var ids = failed.Select(f => f.ContactId).Distinct().ToList();
            var names = (await ctx.Data.ListAsync(ctx.Data.Contacts.Where(c => ids.Contains(c.Id)), ct)).ToDictionary(c => c.Id, c => c.Name);
            text += ": " + string.Join("; ", failed.Take(10).Select(f => $"{names.GetValueOrDefault(f.ContactId, "?")} ({f.LastError})"));
        }

        return text + "." + ByPurpose(rows.Select(r => (r.Purpose, r.State, Later: r.State == DeliveryState.Pending && r.NotBefore > ctx.Now)).ToList());
    }

    /// <summary>"Circulation: 480 of 500 delivered. Reminders: 20 of 35 delivered, 10 scheduled for later." when there is more than circulation.</summary>
    private static string ByPurpose(List<(string Purpose, DeliveryState State, bool Later)> rows)
    {
        if (rows.TrueForAll(r => r.Purpose == DeliveryPurpose.Circulation))
        {
            return "";
        }

        var parts = rows.GroupBy(r => r.Purpose switch
            {
                DeliveryPurpose.Circulation or DeliveryPurpose.NewVersion => "Memo cards",
                DeliveryPurpose.Reminder => "Reminders",
                DeliveryPurpose.Digest => "Digests",
                _ => "Other",
            })
            .OrderBy(g => g.Key == "Memo cards" ? 0 : 1).ThenBy(g => g.Key)
            .Select(g =>
            {
                var later = g.Count(r => r.Later);
                var failed = g.Count(r => r.State == DeliveryState.Failed);
                return $"{g.Key}: {g.Count(r => r.State == DeliveryState.Sent)} of {g.Count()} delivered"
                    + (failed > 0 ? $", {failed} failed" : "") + (later > 0 ? $", {later} scheduled for later" : "") + ".";
            });
        return "\n" + string.Join(" ", parts);
    }
}
