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
/// `compile M [late include|mark|exclude] [unconfirmed include|mark|exclude] [countries]`: the list of signatory
/// organisations (<see cref="PartnerListBuilder"/>: the coalition's category order and culture, no duplicates),
/// with download links for every format and the audit certificate. Compiling a closed memo makes it Final.
/// </summary>
public sealed class CompileFeature(DownloadLinks links) : IFeature
{
    public const string Usage = "compile M-3 [late include|mark|exclude] [unconfirmed include|mark|exclude] [countries] [a4|letter]";

    public IEnumerable<Route> Routes =>
    [
        Route.Command(200, "compile", Permission.Coordinator, Usage,
            "The list of signatory organisations with download links (HTML, text, CSV, Word, audit certificate). Late sign-ons are marked and unconfirmed ones left out unless you say otherwise. On a closed memo this makes it final; on an open one it is a preview.",
            Compile),

        Route.Action(ActionIds.Compile, Permission.Coordinator, "Compile a memo's list with the default choices (the card's Compile button).", (ctx, ct) => CompileAsync(ctx, ctx.Action!.Value, "", ct)),

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
        var choice = ListChoice.Parse(rest, out var error) ?? throw new RefusalException(error! + $"\nUsage: `{Usage}`");
        if (memo.Status == MemoStatus.Draft)
        {
            throw new RefusalException($"{memo.Code} has not been circulated yet, so nobody has signed.");
        }

        if (memo.Status == MemoStatus.Closed)
        {
            // Final from the moment it is compiled: the list's date is the closing day, so its hash never moves.
            memo.Status = MemoStatus.Final;
        }

        var list = await MemoLists.BuildAsync(ctx.Data, ctx.CoalitionOrThrow, memo, choice, ctx.Now, ct);
        string note;
        if (memo.Status == MemoStatus.Final && memo.FinalListHash is null)
        {
            memo.FinalListHash = list.Hash;
            ctx.Audit("memo.finalised", memo.Code, memo.Id, before: new { Status = "Closed" },
                after: new { Status = "Final", ListHash = list.Hash, Late = choice.Late.ToString(), Unconfirmed = choice.Unconfirmed.ToString(), choice.Countries, list.Count });
            await ctx.SaveAsync(ct);
            note = $"{memo.Code} is now final (list hash {list.Hash[..12]}, {choice.Describe()}). Any change needs `reopen {memo.Code}`.";
        }
        else if (memo.Status == MemoStatus.Final)
        {
            note = memo.FinalListHash == list.Hash
                ? $"{memo.Code} is final; this is its list (hash {list.Hash[..12]})."
                : $"{memo.Code} is final, but this list ({choice.Describe()}) differs from the one compiled (hash {memo.FinalListHash![..12]}).";
        }
        else
        {
            note = $"Preview: {memo.Code} is still open. `close {memo.Code}` then `compile {memo.Code}` for the final list.";
        }

        var tally = await MemoTally.ForAsync(ctx, memo, ct);
        return new MessageReply(new Message($"{memo.Code}: list of signatories", [
            new TextBlock(note),
            new MemoExcerptBlock(memo.Code, memo.Title, ChatMarkdown(list, tally), Truncated: false, Numbered: false),
            new TextBlock(links.ExpiryNote(ctx.Me?.TimeZone)),
            links.ForList(memo, choice),
        ]));
    }

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
