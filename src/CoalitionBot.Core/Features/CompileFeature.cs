using CoalitionBot.Documents;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CoalitionBot.Core.Domain;
using CoalitionBot.Core.Messages;
using CoalitionBot.Core.Replies;
using CoalitionBot.Core.Routing;

namespace CoalitionBot.Core.Features;

/// <summary>
/// `compile M`: the list of signatory organisations as Markdown — by category in the coalition's order,
/// alphabetical by sort name within each (culture-aware, accent- and case-insensitive), late ones marked,
/// with counts, and separately those who still have to re-confirm. Compiling a closed memo makes it Final.
/// </summary>
public sealed class CompileFeature : IFeature
{
    public IEnumerable<Route> Routes =>
    [
        Route.Command("compile", Permission.Coordinator, "compile M-3", "The list of signatory organisations. On a closed memo this makes it final; on an open one it is a preview.", Compile),
    ];

    private static async Task<Reply> Compile(RequestContext ctx, CancellationToken ct)
    {
        var memo = await Memos.RequireAsync(ctx, ctx.Command.SplitRest().First, ct);
        if (memo.Status == MemoStatus.Draft)
        {
            throw new RefusalException($"{memo.Code} has not been circulated yet, so nobody has signed.");
        }

        var markdown = await BuildAsync(ctx, memo, ct);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(markdown)));
        string note;
        if (memo.Status == MemoStatus.Closed)
        {
            memo.Status = MemoStatus.Final;
            memo.FinalListHash = hash;
            ctx.Audit("memo.finalised", memo.Code, memo.Id, before: new { Status = "Closed" }, after: new { Status = "Final", ListHash = hash });
            await ctx.SaveAsync(ct);
            note = $"{memo.Code} is now final (list hash {hash[..12]}). Any change needs `reopen {memo.Code}`.";
        }
        else if (memo.Status == MemoStatus.Final)
        {
            note = memo.FinalListHash == hash ? $"{memo.Code} is final; this is its list (hash {hash[..12]})." : $"{memo.Code} is final, but the list differs from the one compiled (hash {memo.FinalListHash?[..12]}).";
        }
        else
        {
            note = $"Preview: {memo.Code} is still open. `close {memo.Code}` then `compile {memo.Code}` for the final list.";
        }

        return new MessageReply(new Message($"{memo.Code}: list of signatories", [
            new TextBlock(note),
            new MemoExcerptBlock(memo.Code, memo.Title, markdown, Truncated: false),
        ]));
    }

    public static async Task<string> BuildAsync(RequestContext ctx, Memo memo, CancellationToken ct)
    {
        var coalition = ctx.CoalitionOrThrow;
        var tally = await MemoTally.ForAsync(ctx, memo, ct);
        var orgIds = tally.Signed.Where(s => s.OrganisationId is not null).Select(s => s.OrganisationId!.Value).ToList();
        var sortNames = (await ctx.Data.ListAsync(ctx.Data.Organisations.Where(o => orgIds.Contains(o.Id)), ct)).ToDictionary(o => o.Id, o => o.SortName);
        var comparer = StringComparer.Create(CultureInfo.GetCultureInfo(coalition.Culture), CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace);

        string SortKey(SignOn s) => s.OrganisationId is { } id && sortNames.TryGetValue(id, out var k) ? k : SortNames.Derive(s.DisplayName);

        var listed = tally.Signed.Where(s => !s.AwaitingApproval && !s.NeedsReconfirmation).ToList();
        var md = new StringBuilder();
        md.Append("# ").AppendLine(Markdown.Escape(memo.Title)).AppendLine();
        md.Append("To: ").AppendLine(Markdown.Escape(memo.Addressee)).AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"{listed.Count} signatory organisation(s).").AppendLine();
        var order = coalition.Categories.Concat(listed.Select(s => s.Category ?? "Other").Where(c => !coalition.Categories.Contains(c)).Distinct()).ToList();
        foreach (var category in order)
        {
            var group = listed.Where(s => (s.Category ?? "Other") == category).OrderBy(SortKey, comparer).ToList();
            if (group.Count == 0)
            {
                continue;
            }

            md.Append("## ").Append(Markdown.Escape(category)).AppendLine(CultureInfo.InvariantCulture, $" ({group.Count})").AppendLine();
            foreach (var s in group)
            {
                md.Append("- ").Append(Markdown.Escape(s.DisplayName)).AppendLine(s.Late ? " (late)" : "");
            }

            md.AppendLine();
        }

        var reconfirm = tally.Reconfirm.OrderBy(SortKey, comparer).ToList();
        if (reconfirm.Count > 0)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"## Signed an earlier version, not yet re-confirmed ({reconfirm.Count})").AppendLine();
            foreach (var s in reconfirm)
            {
                md.Append("- ").AppendLine(Markdown.Escape(s.DisplayName));
            }

            md.AppendLine();
        }

        var held = tally.Signed.Where(s => s.AwaitingApproval).OrderBy(SortKey, comparer).ToList();
        if (held.Count > 0)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"## Late, awaiting approval ({held.Count})").AppendLine();
            foreach (var s in held)
            {
                md.Append("- ").AppendLine(Markdown.Escape(s.DisplayName));
            }
        }

        return md.ToString().TrimEnd() + "\n";
    }
}
