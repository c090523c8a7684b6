using System.Globalization;
using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Dashboard;
using CoalitionBot.Core.Domain;
using CoalitionBot.Core.Messages;
using CoalitionBot.Core.Replies;
using CoalitionBot.WebChannel;

namespace CoalitionBot.Dashboard;

/// <summary>
/// `POST /dashboard/memos/{code}/act`: turns a form into the chat command it stands for and sends it through the
/// same <see cref="IInboundHandler"/> as chat, as the signed-in coordinator's chat identity. The pipeline checks
/// the permission and audits; the dashboard only shows the neutral reply.
/// </summary>
internal static class ActionEndpoints
{
    public const string Place = "dashboard";

    public static void Map(RouteGroupBuilder pages) => pages.MapPost("/memos/{code}/act", Act);

    /// <summary>The command a form stands for, or null when the form names no action the dashboard offers.</summary>
    public static string? CommandFor(string memoCode, IFormCollection form)
    {
        string Arg(string name) => string.Join(' ', form[name].ToString().Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        return form["action"].ToString() switch
        {
            "nudge" => $"nudge {memoCode} {Arg("organisations")}".TrimEnd(),
            "close" or "reopen" or "circulate" => $"{form["action"]} {memoCode}",
            "approve" when Arg("organisation").Length > 0 => $"approve {memoCode} {Arg("organisation")}",
            "compile" => $"compile {memoCode} late {Choice(Arg("late"), "mark")} unconfirmed {Choice(Arg("unconfirmed"), "exclude")}" + (Arg("countries") == "true" ? " countries" : "")
                + (Arg("final") == "true" ? " final" : ""), // without it a closed memo's list is shown, not made final
            "reply" when Number(Arg("comment")) is { } n && Arg("text").Length > 0 => $"reply {memoCode} #{n} {Arg("text")}",
            "resolve" when Number(Arg("comment")) is { } n => $"resolve {memoCode} #{n}",
            _ => null,
        };
    }

    private static async Task<IResult> Act(string code, HttpContext http, IInboundHandler handler, LongWork work, CancellationToken ct)
    {
        var user = DashboardAuth.User(http);
        var form = await http.Request.ReadFormAsync(ct);
        if (!MemoCode.TryParse(code, out var number) || CommandFor(MemoCode.Format(number), form) is not { } command)
        {
            return Show(http, user, code, "<p role=\"alert\">The dashboard does not offer that action.</p>", StatusCodes.Status400BadRequest);
        }

        var nonce = Guid.TryParse(form["nonce"], out var given) ? given : Guid.NewGuid();
        var identity = user.Identity;
        var inbound = new Inbound(
            $"{Place}:{nonce:N}",
            new Actor(identity, user.Name),

            // Not a direct conversation: the person's DM with the bot (where proactive messages go) stays as it is.
            new Place(identity.Platform, identity.TenantId, Place, PlaceKind.Channel),
            new CommandText(command)) { Coalition = user.CoalitionId };
        var action = form["action"].ToString();
        var reply = LongWork.IsLong(action)
            ? await work.RunAsync(user, MemoCode.Format(number), action, () => handler.HandleAsync(inbound, ct), ct)
            : await handler.HandleAsync(inbound, ct);
        var html = reply switch
        {
            MessageReply m => HtmlRenderer.Render(LinksOnly(m.Message)),
            FormAcceptedReply a => HtmlRenderer.Render(LinksOnly(a.Confirmation)),
            DuplicateReply => "<p>This form was already sent; it took effect once.</p>",
            _ => "<p>That needs a form: use it in chat.</p>",
        };
        return Show(http, user, MemoCode.Format(number), html, StatusCodes.Status200OK);
    }

    private static IResult Show(HttpContext http, DashboardUser user, string code, string html, int status) =>
        http.Request.Headers.ContainsKey(PageEndpoints.FragmentHeader)
            ? Html.Result(http.Response, html, status)
            : Html.Result(http.Response, Html.Page("Result", $"<h1>Result</h1><div role=\"status\">{html}</div><p><a href=\"/dashboard/memos/{Html.E(code)}\">Back to {Html.E(code)}</a></p>", user, DashboardAuth.Field(http)), status);

    /// <summary>Chat buttons (Sign on, Decline…) mean nothing on the dashboard; links (downloads) do.</summary>
    private static Message LinksOnly(Message message) => message with
    {
        Blocks = message.Blocks.Select(b => b is ButtonsBlock buttons ? buttons with { Buttons = buttons.Buttons.Where(x => x.Url is not null).ToList() } : b)
            .Where(b => b is not ButtonsBlock { Buttons.Count: 0 }).ToList(),
    };

    private static string Choice(string value, string fallback) => value is "include" or "mark" or "exclude" ? value : fallback;

    private static int? Number(string value) => int.TryParse(value.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;
}
