using CoalitionBot.Core.Domain;
using CoalitionBot.Core.Messages;
using CoalitionBot.Core.Reach;
using CoalitionBot.Core.Replies;
using CoalitionBot.Core.Routing;

namespace CoalitionBot.Core.Features;

/// <summary>`status M`: answers by state and category, who has not answered, and delivery progress.</summary>
public sealed class StatusFeature : IFeature
{
    public IEnumerable<Route> Routes =>
    [
        Route.Command(110, "status", Permission.Coordinator, "status M-3", "Counts by answer and category, who has not answered, and how circulation is going.", Status),
        Route.Action(ActionIds.Status, Permission.Coordinator, "Show a memo's status.", StatusButton),
    ];

    private static async Task<Reply> Status(RequestContext ctx, CancellationToken ct) =>
        new MessageReply(await BuildAsync(ctx, await Memos.RequireAsync(ctx, ctx.Command.SplitRest().First, ct), ct));

    private static async Task<Reply> StatusButton(RequestContext ctx, CancellationToken ct) =>
        new MessageReply(await BuildAsync(ctx, await Memos.RequireAsync(ctx, ctx.Action!.Value, ct), ct));

    public static async Task<Message> BuildAsync(RequestContext ctx, Memo memo, CancellationToken ct)
    {
        var report = await MemoTally.ForAsync(ctx, memo, ct);
        var blocks = new List<Block>
        {
            new TextBlock($"{memo.Code}: {memo.Title} — {memo.Status}", Strong: true),
            new FieldsBlock([
                new Field("Signed", report.Signed.Count.ToString()),
                new Field("Declined", report.Declined.Count.ToString()),
                new Field("Withdrawn", report.Withdrawn.Count.ToString()),
                new Field("No answer", report.Missing.Count.ToString()),
                new Field("Needs re-confirmation", report.Reconfirm.Count.ToString()),
                new Field("Late", report.Signed.Count(s => s.Late).ToString()),
                new Field("Awaiting approval", report.Signed.Count(s => s.AwaitingApproval).ToString()),
                new Field("Deadline", memo.Deadline is { } d ? TimeZones.Describe(d, memo.TimeZone) : "none"),
            ]),
        };

        var byCategory = report.Categories.Select(c =>
            $"{c}: {report.Signed.Count(s => s.Category == c)} signed, {report.Declined.Count(s => s.Category == c)} declined, {report.Missing.Count(m => m.Category == c)} no answer");
        blocks.Add(new TextBlock("By category", Strong: true));
        blocks.Add(new TextBlock(string.Join("\n", byCategory)));
        blocks.Add(new TextBlock(report.Missing.Count == 0
            ? "Everyone has answered."
            : "Not answered yet: " + string.Join(", ", report.Missing.Select(m => m.Name))));
        if (report.Reconfirm.Count > 0)
        {
            blocks.Add(new TextBlock("Signed an earlier version, must re-confirm: " + string.Join(", ", report.Reconfirm.Select(s => s.DisplayName))));
        }

        blocks.Add(new TextBlock(await DeliveryProgressAsync(ctx, memo, ct)));
        if (await ReachProgress.DescribeAsync(ctx, memo, ct) is { } reach)
        {
            blocks.Add(new TextBlock(reach));
        }

        blocks.Add(new ButtonsBlock([new Button("Dashboard", ActionIds.Dashboard, memo.Code)])); // status is for coordinators only, so is the button
        return new Message($"{memo.Code}: {report.Signed.Count} signed, {report.Missing.Count} not answered", blocks);
    }

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
