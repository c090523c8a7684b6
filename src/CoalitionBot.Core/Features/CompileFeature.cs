using System.Globalization;
using System.Text;
using CoalitionBot.Core.Domain;
using CoalitionBot.Core.Downloads;
using CoalitionBot.Core.Messages;
using CoalitionBot.Core.Replies;
using CoalitionBot.Core.Routing;
using CoalitionBot.Documents;

namespace CoalitionBot.Core.Features;

/// <summary>
/// `compile M [late include|mark|exclude] [unconfirmed include|mark|exclude] [countries] [final]`: the list of signatory
/// organisations (<see cref="PartnerListBuilder"/>: the coalition's category order and culture, no duplicates),
/// with download links for every format and the audit certificate. On a closed memo it shows the list and asks
/// first; `final` (or the Make final button) makes it Final.
/// </summary>
public sealed class CompileFeature(DownloadLinks links) : IFeature
{
    public const string Usage = "compile M-3 [late include|mark|exclude] [unconfirmed include|mark|exclude] [countries] [a4|letter] [final]";

    /// <summary>The word that makes a closed memo's list final (the preview's button sends it too).</summary>
    public const string FinalWord = "final";

    public IEnumerable<Route> Routes =>
    [
        Route.Command(200, "compile", Permission.Coordinator, Usage,
            "The list of signatory organisations with download links (HTML, text, CSV, Word, audit certificate, and the list alone without the memo's title block). Late sign-ons are marked and unconfirmed ones left out unless you say otherwise. On an open memo it is a preview; on a closed one it shows the list and asks before making it final (`final`, or the Make final button).",
            Compile),

        // The card's Compile button sends the code; the preview's Make final button sends "M-3 final" and the choices.
        Route.Action(ActionIds.Compile, Permission.Coordinator, "Compile a memo's list (the card's Compile button; Make final on a closed memo's preview).",
            (ctx, ct) => CompileAsync(ctx, ctx.Action!.Value.Split(' ', 2)[0], ctx.Action.Value.Split(' ', 2) is [_, var rest] ? rest : "", ct)),

        // Slack reports clicks on link buttons too; the browser already opened the link, so there is nothing to say.
        Route.Action(ActionIds.Download, Permission.Anyone, "A download link was opened.", (_, _) => Task.FromResult<Reply>(DuplicateReply.Instance)),
    ];

    private Task<Reply> Compile(RequestContext ctx, CancellationToken ct)
    {
        var (code, rest) = ctx.Command.SplitRest();
        return CompileAsync(ctx, code, rest, ct);
    }

    private async Task<Reply> CompileAsync(RequestContext ctx, string? code, string rest, CancellationToken ct)
    {
        var memo = await Memos.RequireAsync(ctx, code, ct);
        var words = rest.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var finalise = words.Any(w => w.Equals(FinalWord, StringComparison.OrdinalIgnoreCase));
        var choice = ListChoice.Parse(string.Join(' ', words.Where(w => !w.Equals(FinalWord, StringComparison.OrdinalIgnoreCase))), out var error)
            ?? throw new RefusalException(error! + $"\nUsage: `{Usage}`");
        if (memo.Status == MemoStatus.Draft)
        {
            throw new RefusalException($"{memo.Code} has not been circulated yet, so nobody has signed.");
        }

        if (memo.Status == MemoStatus.Closed && finalise)
        {
            // Final from the moment it is compiled: the list's date is the closing day, so its hash never moves.
            memo.Status = MemoStatus.Final;
        }

        var list = await MemoLists.BuildAsync(ctx.Data, ctx.CoalitionOrThrow, memo, choice, ctx.Now, ct);
        var signatories = list.Request.Signatories;
        var onList = (Counted.Of(list.Count, "organisation") + " on the list. "
            + choice.Explain(signatories.Any(s => s.Late), signatories.Any(s => s.NeedsReconfirmation))).TrimEnd();
        var blocks = new List<Block>();
        Block? confirm = null;
        if (memo.Status == MemoStatus.Final && memo.FinalListHash is null)
        {
            memo.FinalListHash = list.Hash;
            ctx.Audit("memo.finalised", memo.Code, memo.Id, before: new { Status = "Closed" },
                after: new { Status = "Final", ListHash = list.Hash, Late = choice.Late.ToString(), Unconfirmed = choice.Unconfirmed.ToString(), choice.Countries, list.Count });
            await ctx.SaveAsync(ct);
            blocks.Add(new TextBlock($"{memo.Code} is now final: {onList} {Fingerprint(list.Hash)} To change anything now, `reopen {memo.Code}` first."));
        }
        else if (memo.Status == MemoStatus.Final)
        {
            blocks.Add(new TextBlock(memo.FinalListHash == list.Hash
                ? $"{memo.Code} is final; this is the list it was made final with: {onList} {Fingerprint(list.Hash)}"
                : $"{memo.Code} is final, but this list differs from the one it was made final with (fingerprint {memo.FinalListHash![..12]}): {onList}"));
        }
        else if (memo.Status == MemoStatus.Closed)
        {
            blocks.Add(new TextBlock($"{memo.Code} is closed. This is the list as it would be made final: {onList} "
                + $"Making it final fixes the list (its fingerprint goes on the audit certificate); after that, any change needs `reopen {memo.Code}`. "
                + $"Press Make final, or type `compile {memo.Code} {FinalWord}`."));
            confirm = new ButtonsBlock([new Button("Make final", ActionIds.Compile, $"{memo.Code} {FinalWord} {choice.ToWords()}", ButtonStyle.Primary)]);
        }
        else
        {
            blocks.Add(new TextBlock($"Preview: {memo.Code} is still open. {onList} `close {memo.Code}` then `compile {memo.Code}` for the final list."));
        }

        var tally = await MemoTally.ForAsync(ctx, memo, ct);
        return new MessageReply(new Message($"{memo.Code}: list of signatories", [
            .. blocks,
            new MemoExcerptBlock(memo.Code, memo.Title, ChatMarkdown(list, tally), Truncated: false, Numbered: false),
            new TextBlock(links.ExpiryNote(ctx.Me?.TimeZone)),
            links.ForList(memo, choice),
            .. confirm is null ? Array.Empty<Block>() : [confirm],
        ]));
    }

    // The hash in words a coordinator can use: what it is for, not a bare hex string.
    private static string Fingerprint(string hash) =>
        $"The list's fingerprint is {hash[..12]} (its full SHA-256 is on the audit certificate); any change to the list would change it.";

    /// <summary>The list as Markdown, followed (for the coordinator only) by who was left out and why.</summary>
    private static string ChatMarkdown(PartnerList list, MemoTally tally)
    {
        var md = new StringBuilder(PartnerListExport.ToMarkdown(list));
        var compare = PartnerListBuilder.CultureOf(list.Request.CultureName).CompareInfo;
        var byName = Comparer<string>.Create((a, b) => compare.Compare(a, b, PartnerListBuilder.Collation));
        void Section(string heading, IEnumerable<string> names)
        {
            var sorted = names.OrderBy(n => SortNames.Derive(n), byName).ToList();
            if (sorted.Count > 0)
            {
                md.Append(CultureInfo.InvariantCulture, $"\n## {heading} ({sorted.Count})\n\n");
                foreach (var name in sorted)
                {
                    md.Append("- ").Append(MarkdownEscape.Escape(name)).Append('\n');
                }
            }
        }

        Section("Signed an earlier version, not yet re-confirmed", list.Excluded.Where(s => s.NeedsReconfirmation).Select(s => s.DisplayName));
        Section("Late, left off the list", list.Excluded.Where(s => s.Late && !s.NeedsReconfirmation).Select(s => s.DisplayName));
        Section("Late, awaiting approval", tally.Signed.Where(s => s.AwaitingApproval).Select(s => s.DisplayName));
        Section("Left off as duplicates of a listed name", list.DuplicatesRemoved.Select(s => s.DisplayName));
        return md.ToString();
    }
}
