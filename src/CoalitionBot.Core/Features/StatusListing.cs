using System.Text;
using CoalitionBot.Core.Dashboard;
using CoalitionBot.Core.Domain;
using CoalitionBot.Core.Messages;
using CoalitionBot.Core.Reach;
using CoalitionBot.Core.Routing;
using CoalitionBot.Documents;

namespace CoalitionBot.Core.Features;

/// <summary>
/// `status`'s listing: every organisation (or person) under its one answer, one per line, in the final list's order
/// (the dashboard board's groups, ordered by <see cref="PartnerListOrder"/>), with the decline or withdrawal reason
/// and the silent ones that cannot be reached flagged with why. A long group is cut with a pointer to the dashboard,
/// so one group always fits a Slack section (3,000 characters) and the whole reply a Teams card.
/// </summary>
internal static class StatusListing
{
    public const int MaxLines = 50;

    public const int MaxCharacters = 2_700;

    private const int MaxReason = 150;

    private static readonly (Answer Answer, string Heading)[] Groups =
    [
        (Answer.Signed, "Signed"),
        (Answer.AwaitingApproval, "Signed late, awaiting approval"),
        (Answer.NeedsReconfirmation, "Needs re-confirmation"),
        (Answer.Declined, "Declined"),
        (Answer.Withdrawn, "Withdrawn"),
        (Answer.NoAnswer, "No answer"),
    ];

    public static async Task<List<Block>> BuildAsync(RequestContext ctx, Memo memo, IReadOnlyList<BoardGroup> categories, CancellationToken ct)
    {
        var unreachable = await UnreachableAsync(ctx, memo, ct);
        var blocks = new List<Block>();
        foreach (var (answer, heading) in Groups)
        {
            var rows = categories.SelectMany(c => c.Rows.Where(r => r.Answer == answer).Select(r => (c.Heading, Row: r))).ToList();
            if (rows.Count > 0)
            {
                blocks.Add(new TextBlock($"{heading} ({rows.Count})", Strong: true));
                blocks.Add(new TextBlock(Fit(rows.Select(r => (r.Heading, Line(memo, r.Row, unreachable))).ToList(), rows.Select(r => r.Heading).Distinct().Count() > 1)));
            }
        }

        return blocks;
    }

    private static string Line(Memo memo, BoardRow row, Dictionary<string, string> unreachable)
    {
        var given = row.Given;
        var note = row.Answer switch
        {
            Answer.NoAnswer => unreachable.TryGetValue(row.SignerKey, out var why) ? "UNREACHABLE: " + why : null,
            Answer.Declined or Answer.Withdrawn => given?.Reason is { } reason && !string.IsNullOrWhiteSpace(reason)
                ? "“" + Memos.Shorten(reason.ReplaceLineEndings(" ").Trim(), MaxReason) + "”" : "no reason given",
            Answer.NeedsReconfirmation => $"signed version {given?.Version}, not yet the current one",
            Answer.AwaitingApproval => $"`approve {memo.Code} {row.Name}` puts it on the list",
            _ => string.Join(", ", new[] { given is { Late: true } ? "late" : null, given?.Route == "on behalf" ? "recorded on their behalf" : null }.Where(n => n is not null)),
        };
        var name = given is null ? row.Name : given.DisplayName.ReplaceLineEndings(" ");
        return "• " + name + (string.IsNullOrEmpty(note) ? "" : " — " + note);
    }

    /// <summary>The lines under their category's heading, cut after <see cref="MaxLines"/> or <see cref="MaxCharacters"/>.</summary>
    private static string Fit(List<(string Category, string Line)> lines, bool headings)
    {
        var text = new StringBuilder();
        string? category = null;
        for (var i = 0; i < lines.Count; i++)
        {
            var (heading, line) = lines[i];
            var next = (headings && heading != category ? heading + ":\n" : "") + line + "\n";
            if (i == MaxLines || text.Length + next.Length > MaxCharacters)
            {
                return text.Append($"… and {lines.Count - i} more — see the dashboard (`dashboard`) or `partners`.").ToString();
            }

            category = heading;
            text.Append(next);
        }

        return text.ToString().TrimEnd('\n');
    }

    /// <summary>
    /// Signer key → why, for every organisation (or person) none of whose contacts the memo's card can reach: no
    /// contact at all, every route failed, or nothing sent. Empty before circulation, when nobody was sent anything.
    /// </summary>
    private static async Task<Dictionary<string, string>> UnreachableAsync(RequestContext ctx, Memo memo, CancellationToken ct)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (memo.Status == MemoStatus.Draft)
        {
            return result;
        }

        var cards = await ctx.Data.ListAsync(ctx.Data.Deliveries
            .Where(d => d.MemoId == memo.Id && (d.Purpose == DeliveryPurpose.Circulation || d.Purpose == DeliveryPurpose.NewVersion))
            .Select(d => new { d.ContactId, d.State }), ct);
        var live = cards.Where(c => c.State != DeliveryState.Failed && c.State != DeliveryState.Cancelled).Select(c => c.ContactId).ToHashSet();
        var tried = cards.Select(c => c.ContactId).ToHashSet();
        var coalitionId = ctx.CoalitionOrThrow.Id;
        var contacts = await ctx.Data.ListAsync(ctx.Data.Contacts.Where(c => c.CoalitionId == coalitionId && c.OrganisationId != null), ct);
        var orgs = await Memos.OrganisationsAsync(ctx, ct);
        var keyed = memo.Mode == SignOnMode.Individuals
            ? contacts.Select(c => (Key: SignOn.KeyForContact(c.Id), Contacts: new List<Contact> { c }))
            : orgs.Select(o => (Key: SignOn.KeyForOrganisation(o.Id), Contacts: contacts.Where(c => c.OrganisationId == o.Id).ToList()));
        foreach (var (key, people) in keyed)
        {
            if (people.Count == 0)
            {
                result[key] = "no contact in the directory (`partners link` adds one)";
            }
            else if (!people.Exists(c => live.Contains(c.Id) && !c.Unreachable))
            {
                result[key] = string.Join("; ", people.OrderBy(c => c.Name, StringComparer.Ordinal).Select(c =>
                    $"{c.Name}: {(c.Unreachable || tried.Contains(c.Id) || c.Email is null ? Unreachability.Why(c) : $"not sent the memo yet (`circulate {memo.Code}` sends it)")}"));
            }
        }

        return result;
    }
}
