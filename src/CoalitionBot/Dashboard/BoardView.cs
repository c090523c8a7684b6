using System.Text;
using CoalitionBot.Core.Dashboard;

namespace CoalitionBot.Dashboard;

/// <summary>The live part of the memo page: counts and filters, progress, organisations by category, approvals, re-confirmations, comments, delivery health.</summary>
internal static class BoardView
{
    private static readonly (Answer? Answer, string Slug)[] Filters =
        [(null, ""), (Answer.Signed, "signed"), (Answer.NeedsReconfirmation, "reconfirm"), (Answer.AwaitingApproval, "approval"), (Answer.Declined, "declined"), (Answer.Withdrawn, "withdrawn"), (Answer.NoAnswer, "none")];

    public static Answer? ParseFilter(string? slug) => Filters.FirstOrDefault(f => f.Slug == slug && slug is { Length: > 0 }).Answer;

    public static string Slug(Answer? answer) => Filters.First(f => f.Answer == answer).Slug;

    public static string Render(MemoBoard board, MemoProgress progress, string antiforgery)
    {
        var html = new StringBuilder();
        Counts(html, board);
        html.Append(ProgressView.Render(progress));
        Organisations(html, board);
        Approvals(html, board, antiforgery);
        if (board.Reconfirm.Count > 0)
        {
            html.Append("<section aria-labelledby=\"reconfirm-h\" class=\"db-card\"><h2 id=\"reconfirm-h\">Must re-confirm (").Append(board.Reconfirm.Count).Append(")</h2><p>Signed an earlier version; a substantive version was published since.</p><ul>");
            foreach (var row in board.Reconfirm)
            {
                html.Append("<li>").Append(Html.E(row.Given?.DisplayName ?? row.Name)).Append(" — signed version ").Append(row.Given?.Version).Append("</li>");
            }

            html.Append("</ul></section>");
        }

        CommentsView.Render(html, board, antiforgery);
        Health(html, board.Health);
        return html.ToString();
    }

    private static void Counts(StringBuilder html, MemoBoard board)
    {
        var c = board.Memo.Counts;
        html.Append("<nav aria-label=\"Filter organisations by answer\" class=\"db-filters\"><ul>");
        foreach (var (answer, slug) in Filters)
        {
            var label = answer is { } a ? $"{Html.AnswerLabel(a)} ({c.Of(a)})" : $"All ({c.Total})";
            var current = answer == board.Filter ? " aria-current=\"page\"" : "";
            var href = $"/dashboard/memos/{Html.E(board.Memo.Code)}" + (slug.Length > 0 ? "?answer=" + slug : "");
            html.Append("<li><a href=\"").Append(href).Append("\" data-filter=\"").Append(slug).Append('"').Append(current).Append(" class=\"db-chip db-").Append(slug.Length > 0 ? slug : "all").Append("\">")
                .Append(Html.E(label)).Append("</a></li>");
        }

        html.Append("</ul></nav>");
    }

    private static void Organisations(StringBuilder html, MemoBoard board)
    {
        var shown = board.Groups.Sum(g => g.Rows.Count);
        html.Append("<section aria-labelledby=\"orgs-h\" class=\"db-card\"><h2 id=\"orgs-h\">Organisations")
            .Append(board.Filter is { } f ? $": {Html.E(Html.AnswerLabel(f))}" : "").Append(" (").Append(shown).Append(")</h2>");
        if (shown == 0)
        {
            html.Append("<p>None.</p>");
        }

        foreach (var group in board.Groups)
        {
            html.Append("<h3>").Append(Html.E(group.Heading)).Append(" (").Append(group.Rows.Count).Append(")</h3><div class=\"db-scroll\"><table class=\"db-orgs\"><caption class=\"db-sr\">")
                .Append(Html.E(group.Heading)).Append("</caption><thead><tr><th scope=\"col\">Organisation</th><th scope=\"col\">Answer</th><th scope=\"col\">Details</th></tr></thead><tbody>");
            foreach (var row in group.Rows)
            {
                html.Append("<tr><th scope=\"row\">").Append(Html.E(row.Name)).Append("</th><td><span class=\"db-badge db-").Append(Slug(row.Answer)).Append("\">")
                    .Append(Html.E(Html.AnswerLabel(row.Answer))).Append("</span></td><td>").Append(Details(row, board.Memo.TimeZone)).Append("</td></tr>");
            }

            html.Append("</tbody></table></div>");
        }

        html.Append("</section>");
    }

    private static string Details(BoardRow row, string timeZone)
    {
        if (row.Given is { } g)
        {
            var text = new StringBuilder();
            if (row.Answer is Answer.Signed or Answer.NeedsReconfirmation or Answer.AwaitingApproval)
            {
                text.Append("as “").Append(Html.E(g.DisplayName)).Append('”');
                if (g.SignatoryName is { Length: > 0 })
                {
                    text.Append(", by ").Append(Html.E(g.SignatoryName)).Append(g.SignatoryTitle is { Length: > 0 } t ? ", " + Html.E(t) : "");
                }

                text.Append(g.Late ? " · late" : "");
            }
            else if (g.Reason is { Length: > 0 } reason)
            {
                text.Append("reason: ").Append(Html.E(reason));
            }

            return text.Append(text.Length > 0 ? "<br>" : "").Append("version ").Append(g.Version).Append(" · ").Append(Html.When(g.At, timeZone))
                .Append(" · via ").Append(Html.E(g.Route)).Append(g.Route == "on behalf" ? " (recorded by " + Html.E(g.ActorName) + ")" : "").ToString();
        }

        if (row.Contacts.Count == 0)
        {
            return "No contacts: add one with <code>partners link</code>.";
        }

        var list = new StringBuilder("<ul class=\"db-contacts\">");
        foreach (var c in row.Contacts)
        {
            list.Append("<li>").Append(Html.E(c.Name)).Append(c.Email is { } e ? " &lt;" + Html.E(e) + "&gt;" : "").Append(" — ").Append(Html.E(c.Reach))
                .Append("; reminders sent: ").Append(c.RemindersSent)
                .Append(c.NextReminder is { } next ? "; next due " + Html.When(next, timeZone) : "; no reminder due")
                .Append("; last message: ").Append(Html.E(c.LastOutcome)).Append("</li>");
        }

        return list.Append("</ul>").ToString();
    }

    private static void Approvals(StringBuilder html, MemoBoard board, string antiforgery)
    {
        if (board.AwaitingApproval.Count == 0)
        {
            return;
        }

        html.Append("<section aria-labelledby=\"approve-h\" class=\"db-card\"><h2 id=\"approve-h\">Late, awaiting approval (").Append(board.AwaitingApproval.Count).Append(")</h2><ul>");
        foreach (var row in board.AwaitingApproval)
        {
            html.Append("<li>").Append(Html.E(row.Given?.DisplayName ?? row.Name)).Append(' ')
                .Append(ActionForm.Button(board.Memo.Code, "approve", antiforgery, "Approve", "Approve the late sign-on of " + row.Name, ("organisation", row.Name))).Append("</li>");
        }

        html.Append("</ul></section>");
    }

    private static void Health(StringBuilder html, DeliveryHealth health)
    {
        html.Append("<section aria-labelledby=\"health-h\" class=\"db-card\"><h2 id=\"health-h\">Delivery health</h2><dl class=\"db-facts\">")
            .Append("<dt>Queued</dt><dd>").Append(health.Queued).Append("</dd><dt>Sent</dt><dd>").Append(health.Sent).Append("</dd><dt>Failed</dt><dd>").Append(health.Failed).Append("</dd></dl>");
        if (health.Failures.Count > 0)
        {
            html.Append("<ul>");
            foreach (var f in health.Failures)
            {
                html.Append("<li>").Append(Html.E(f.ContactName)).Append(" (").Append(Html.E(f.Purpose)).Append(", ").Append(Html.E(f.Route)).Append("): ").Append(Html.E(f.Error ?? "no reason given")).Append("</li>");
            }

            html.Append("</ul>");
        }

        html.Append("</section>");
    }
}
