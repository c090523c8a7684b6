using System.Text;
using CoalitionBot.Core.Dashboard;

namespace CoalitionBot.Dashboard;

/// <summary>The pages: the memo list, a memo's page, and its live fragment (what the page fetches again when told something changed).</summary>
internal static class PageEndpoints
{
    public const string FragmentHeader = "X-Dashboard-Fragment";

    public static void Map(RouteGroupBuilder pages)
    {
        pages.MapGet("/", Front);
        pages.MapGet("/memos/{code}", Memo);
        pages.MapGet("/memos/{code}/board", Board);
    }

    private static async Task<IResult> Front(HttpContext http, MemoListQuery memos, CancellationToken ct)
    {
        var user = DashboardAuth.User(http);
        var list = await memos.ListAsync(user.CoalitionId, ct);
        var html = new StringBuilder("<h1>Memos</h1>");
        if (list.Count == 0)
        {
            html.Append("<p>No memos yet. Type <code>new</code> in chat to draft one.</p>");
        }
        else
        {
            html.Append("<div class=\"db-scroll\"><table class=\"db-memos\"><caption class=\"db-sr\">Memos, newest first</caption><thead><tr><th scope=\"col\">Memo</th><th scope=\"col\">Status</th><th scope=\"col\">Deadline</th><th scope=\"col\">Signed</th><th scope=\"col\">Declined</th><th scope=\"col\">No answer</th><th scope=\"col\">Re-confirm</th></tr></thead><tbody>");
            foreach (var m in list)
            {
                html.Append("<tr><th scope=\"row\"><a href=\"/dashboard/memos/").Append(Html.E(m.Code)).Append("\">").Append(Html.E(m.Code)).Append(": ").Append(Html.E(m.Title)).Append("</a></th>")
                    .Append("<td>").Append(Html.StatusLabel(m.Status)).Append("</td><td>").Append(m.Deadline is { } d ? Html.When(d, m.TimeZone) + " " + Html.E(m.TimeZone) : "none").Append("</td>")
                    .Append("<td>").Append(m.Counts.Signed + m.Counts.AwaitingApproval).Append("</td><td>").Append(m.Counts.Declined + m.Counts.Withdrawn).Append("</td><td>").Append(m.Counts.NoAnswer)
                    .Append("</td><td>").Append(m.Counts.NeedsReconfirmation).Append("</td></tr>");
            }

            html.Append("</tbody></table></div>");
        }

        return Html.Result(http.Response, Html.Page("Memos", html.ToString(), user, DashboardAuth.Field(http)));
    }

    private static async Task<IResult> Memo(string code, string? answer, HttpContext http, MemoBoardQuery boards, ProgressQuery progress, CancellationToken ct)
    {
        var user = DashboardAuth.User(http);
        var filter = BoardView.ParseFilter(answer);
        var board = await boards.LoadAsync(user.CoalitionId, code, filter, ct);
        var chart = await progress.LoadAsync(user.CoalitionId, code, ct);
        if (board is null || chart is null)
        {
            return NotFound(http, user);
        }

        var m = board.Memo;
        var antiforgery = DashboardAuth.Field(http);
        var path = $"/dashboard/memos/{Html.E(m.Code)}";
        var query = filter is null ? "" : "?answer=" + BoardView.Slug(filter);
        var html = new StringBuilder()
            .Append("<p class=\"db-crumbs\"><a href=\"/dashboard\">Memos</a> › ").Append(Html.E(m.Code)).Append("</p>")
            .Append("<h1>").Append(Html.E(m.Code)).Append(": ").Append(Html.E(m.Title)).Append("</h1>")
            .Append("<dl class=\"db-facts\"><dt>To</dt><dd>").Append(Html.E(m.Addressee)).Append("</dd><dt>Status</dt><dd>").Append(Html.StatusLabel(m.Status))
            .Append("</dd><dt>Deadline</dt><dd>").Append(m.Deadline is { } d ? Html.When(d, m.TimeZone) + " " + Html.E(m.TimeZone) : "none")
            .Append("</dd><dt>Version</dt><dd>").Append(m.CurrentVersion).Append("</dd></dl>")
            .Append(ActionsView.Render(m.Code, antiforgery))
            .Append("<div id=\"work\" class=\"db-work\" role=\"status\" aria-live=\"polite\"></div>")
            .Append("<div id=\"reply\" class=\"db-reply-box\" role=\"status\" aria-live=\"polite\"></div>")
            .Append("<p class=\"db-live\" id=\"live\" aria-live=\"off\">Live: this page updates as answers arrive.</p>")
            .Append("<div id=\"board\" data-src=\"").Append(path).Append("/board").Append(query).Append("\" data-events=\"").Append(path).Append("/events\">")
            .Append(BoardView.Render(board, chart, antiforgery)).Append("</div>");
        return Html.Result(http.Response, Html.Page($"{m.Code}: {m.Title}", html.ToString(), user, antiforgery));
    }

    private static async Task<IResult> Board(string code, string? answer, HttpContext http, MemoBoardQuery boards, ProgressQuery progress, CancellationToken ct)
    {
        var user = DashboardAuth.User(http);
        var board = await boards.LoadAsync(user.CoalitionId, code, BoardView.ParseFilter(answer), ct);
        var chart = await progress.LoadAsync(user.CoalitionId, code, ct);
        return board is null || chart is null
            ? NotFound(http, user)
            : Html.Result(http.Response, BoardView.Render(board, chart, DashboardAuth.Field(http)));
    }

    private static IResult NotFound(HttpContext http, DashboardUser user) =>
        Html.Result(http.Response, Html.Page("Not found", "<h1>Not found</h1><p>There is no such memo in your coalition. <a href=\"/dashboard\">All memos</a>.</p>", user, DashboardAuth.Field(http)),
            StatusCodes.Status404NotFound);
}
