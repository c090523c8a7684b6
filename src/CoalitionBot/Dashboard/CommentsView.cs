using System.Text;
using CoalitionBot.Core.Dashboard;

namespace CoalitionBot.Dashboard;

/// <summary>Comments by paragraph, each thread with its replies, a reply box and resolve (the chat commands `reply` and `resolve`).</summary>
internal static class CommentsView
{
    public static void Render(StringBuilder html, MemoBoard board, string antiforgery)
    {
        html.Append("<section aria-labelledby=\"comments-h\" class=\"db-card\"><h2 id=\"comments-h\">Comments (").Append(board.Comments.Count).Append(")</h2>");
        if (board.Comments.Count == 0)
        {
            html.Append("<p>No comments yet.</p>");
        }

        foreach (var paragraph in board.Comments.GroupBy(c => c.Paragraph))
        {
            html.Append("<h3>").Append(paragraph.Key is { } p ? "§" + p : "The whole memo").Append("</h3>");
            foreach (var thread in paragraph)
            {
                var code = board.Memo.Code;
                html.Append("<article class=\"db-thread").Append(thread.Resolved ? " db-resolved" : "").Append("\" aria-label=\"Comment #").Append(thread.Number).Append("\">");
                Comment(html, thread, board.Memo.TimeZone);
                foreach (var reply in thread.Replies)
                {
                    html.Append("<div class=\"db-reply\">");
                    Comment(html, reply, board.Memo.TimeZone);
                    html.Append("</div>");
                }

                var id = $"reply-{thread.Number}";
                html.Append(ActionForm.Open(code, "reply", antiforgery, "db-act db-reply-form")).Append(ActionForm.Hidden("comment", thread.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                    .Append("<label for=\"").Append(id).Append("\">Reply to #").Append(thread.Number).Append("</label><input id=\"").Append(id).Append("\" name=\"text\" maxlength=\"4000\" required>")
                    .Append("<button type=\"submit\">Reply</button></form>");
                html.Append(ActionForm.Button(code, "resolve", antiforgery, thread.Resolved ? "Reopen" : "Resolve",
                    (thread.Resolved ? "Reopen comment #" : "Resolve comment #") + thread.Number, ("comment", thread.Number.ToString(System.Globalization.CultureInfo.InvariantCulture))));
                html.Append("</article>");
            }
        }

        html.Append("</section>");
    }

    private static void Comment(StringBuilder html, BoardComment c, string timeZone) =>
        html.Append("<p class=\"db-meta\">#").Append(c.Number).Append(" · ").Append(Html.E(c.Author)).Append(" · version ").Append(c.Version).Append(" · ").Append(Html.When(c.At, timeZone))
            .Append(c.Resolved ? " · <strong>resolved</strong>" : "").Append("</p><p>").Append(Html.E(c.Text)).Append("</p>");
}
