using System.Globalization;
using CoalitionBot.Core.Messages;
using CoalitionBot.Core.Replies;
using CoalitionBot.Core.Routing;
using CoalitionBot.Documents;

namespace CoalitionBot.Core.Features;

/// <summary>`diff M-3 [v1 v2]`: what changed between two versions, paragraph by paragraph with word-level marks.</summary>
public sealed class DiffFeature : IFeature
{
    public const string Usage = "diff M-3 [v1 v2]";

    public IEnumerable<Route> Routes =>
    [
        Route.Command(100, "diff", Permission.Member, Usage,
            "What changed between two versions of a memo ([-removed-] {+added+}). Without versions: the latest against the one before.", Diff),
    ];

    private static async Task<Reply> Diff(RequestContext ctx, CancellationToken ct)
    {
        var (code, rest) = ctx.Command.SplitRest();
        var memo = await Memos.RequireAsync(ctx, code, ct);
        MemoViewFeature.RequireVisible(ctx, memo);
        var numbers = rest.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(ParseVersion).ToList();
        if (numbers.Count is not (0 or 2) || numbers.Any(n => n is null))
        {
            throw new RefusalException($"Usage: `{Usage}`, for example `diff {memo.Code} v1 v2`.");
        }

        var (from, to) = numbers.Count == 2 ? (numbers[0]!.Value, numbers[1]!.Value) : (memo.CurrentVersion - 1, memo.CurrentVersion);
        if (memo.CurrentVersion < 2 && numbers.Count == 0)
        {
            return new MessageReply(Message.Text($"{memo.Code} has only one version, so nothing has changed yet."));
        }

        var versions = await ctx.Data.ListAsync(ctx.Data.Versions.Where(v => v.MemoId == memo.Id && (v.Number == from || v.Number == to)), ct);
        var before = versions.FirstOrDefault(v => v.Number == from);
        var after = versions.FirstOrDefault(v => v.Number == to);
        if (before is null || after is null)
        {
            throw new RefusalException($"{memo.Code} has versions v1 to v{memo.CurrentVersion}; v{(before is null ? from : to)} is not one of them.");
        }

        var oldDoc = MemoDocument.Parse(before.Markdown);
        var newDoc = MemoDocument.Parse(after.Markdown);
        var comparison = MemoDiff.Compare(oldDoc, newDoc);
        return new MessageReply(new Message($"{memo.Code}: v{from} → v{to}: {comparison.Summary}", [
            new TextBlock(string.Create(CultureInfo.InvariantCulture, $"{memo.Code} \"{memo.Title}\": changes from v{from} ({before.ShortHash}) to v{to} ({after.ShortHash}), [-removed-] {{+added+}}"), Strong: true),
            new TextBlock(comparison.ToChatText(oldDoc, newDoc).TrimEnd()),
        ]));
    }

    private static int? ParseVersion(string word) =>
        int.TryParse(word.TrimStart('v', 'V'), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;
}
