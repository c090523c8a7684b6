using CoalitionBot.Core.Domain;
using CoalitionBot.Core.Messages;
using CoalitionBot.Core.Replies;
using CoalitionBot.Core.Routing;
using CoalitionBot.Documents;

namespace CoalitionBot.Core.Features;

/// <summary>`list`, `show M`, and the card's "Read full text" and refresh buttons.</summary>
public sealed class MemoViewFeature : IFeature
{
    public IEnumerable<Route> Routes =>
    [
        Route.Command(20, "list", Permission.Member, "list", "The memos open for you, with your organisation's answer.", List),
        Route.Command(30, "show", Permission.Member, "show M-3", "Show a memo's card: its deadline, your answer and its buttons.", Show),
        Route.Action(ActionIds.ReadFullText, Permission.Member, "Show the memo's whole text.", ReadFullText),
        Route.Action(ActionIds.Refresh, Permission.Member, "Show the memo's card as it is now.", Refresh),
    ];

    private static async Task<Reply> List(RequestContext ctx, CancellationToken ct)
    {
        var coalitionId = ctx.CoalitionOrThrow.Id;
        var statuses = ctx.IsCoordinator ? new[] { MemoStatus.Draft, MemoStatus.Open, MemoStatus.Closed } : [MemoStatus.Open];
        var memos = await ctx.Data.ListAsync(
            ctx.Data.Memos.Where(m => m.CoalitionId == coalitionId && statuses.Contains(m.Status)).OrderBy(m => m.Number), ct);
        if (memos.Count == 0)
        {
            return new MessageReply(Message.Text(ctx.IsCoordinator
                ? "There are no memos in progress. Type `new` to draft one."
                : "There are no memos open for sign-on right now."));
        }

        var blocks = new List<Block> { new TextBlock(ctx.IsCoordinator ? "Memos in progress" : "Memos open for you", Strong: true) };
        foreach (var memo in memos)
        {
            var answer = await Memos.MyAnswerAsync(ctx, memo, ct);
            var deadline = memo.Deadline is { } d ? "deadline " + TimeZones.Describe(d, ctx.Me?.TimeZone ?? memo.TimeZone) : "no deadline";
            var state = answer is null ? (ctx.Me?.OrganisationId is null && memo.Mode == SignOnMode.Organisations ? "" : " · not answered yet") : " · " + MemoCards.Describe(answer);
            blocks.Add(new TextBlock($"{memo.Code}: {memo.Title} ({memo.Status}, {deadline}){state}"));
            blocks.Add(new ButtonsBlock([
                new Button("Show", ActionIds.Refresh, memo.Code),
                new Button("Read full text", ActionIds.ReadFullText, memo.Code),
            ]));
        }

        return new MessageReply(new Message($"{Counted.Of(memos.Count, "memo")}", blocks));
    }

    private static Task<Reply> Show(RequestContext ctx, CancellationToken ct) => CardAsync(ctx, ctx.Command.SplitRest().First, ct);

    /// <summary>
    /// A card's refresh (Teams asks when it shows a live card; "Open version N" on a superseded one): a partner gets the live
    /// card, by the same rule as the cards the outbox updates; a coordinator the card with the coordinator's buttons.
    /// </summary>
    private static async Task<Reply> Refresh(RequestContext ctx, CancellationToken ct)
    {
        if (ctx.IsCoordinator || ctx.Me is not { } me)
        {
            return await CardAsync(ctx, ctx.Action!.Value, ct);
        }

        var memo = await Memos.RequireAsync(ctx, ctx.Action!.Value, ct);
        RequireVisible(ctx, memo);
        return new MessageReply(await Cards.CardUpdates.RenderAsync(ctx.Data, memo, await Memos.CurrentVersionAsync(ctx, memo, ct), me, ct));
    }

    private static async Task<Reply> CardAsync(RequestContext ctx, string code, CancellationToken ct)
    {
        var memo = await Memos.RequireAsync(ctx, code, ct);
        RequireVisible(ctx, memo);
        var version = await Memos.CurrentVersionAsync(ctx, memo, ct);
        return new MessageReply(MemoCards.Card(memo, version, await Memos.MyAnswerAsync(ctx, memo, ct), coordinator: ctx.IsCoordinator));
    }

    private static async Task<Reply> ReadFullText(RequestContext ctx, CancellationToken ct)
    {
        var memo = await Memos.RequireAsync(ctx, ctx.Action!.Value, ct);
        RequireVisible(ctx, memo);
        return new MessageReply(MemoCards.FullText(memo, await Memos.CurrentVersionAsync(ctx, memo, ct)));
    }

    /// <summary>Drafts are for coordinators until they are circulated.</summary>
    public static void RequireVisible(RequestContext ctx, Memo memo)
    {
        if (memo.Status == MemoStatus.Draft && !ctx.IsCoordinator)
        {
            throw new RefusalException($"{memo.Code} is not open yet.");
        }
    }
}
