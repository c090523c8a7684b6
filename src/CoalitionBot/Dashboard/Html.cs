using System.Globalization;
using System.Text.Encodings.Web;
using CoalitionBot.Core.Dashboard;
using CoalitionBot.Core.Domain;

namespace CoalitionBot.Dashboard;

/// <summary>
/// The dashboard's small view layer: encoding (every piece of user text goes through <see cref="E"/>), the page
/// layout with its landmarks, and the security headers every dashboard response carries.
/// </summary>
internal static class Html
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    /// <summary>Text in element content; a user field with right-to-left letters or bidi controls is isolated in a &lt;bdi&gt; (<see cref="Documents.BidiText"/>).</summary>
    public static string E(string? text) => Documents.BidiText.Html(text, Encoder.Encode);

    /// <summary>Text in a quoted attribute value: encoded, with unmatched bidi controls dropped (an attribute cannot hold a &lt;bdi&gt;).</summary>
    public static string A(string? text) => Encoder.Encode(Documents.BidiText.Balance(text));

    public static string When(DateTimeOffset at, string timeZone) =>
        E(TimeZoneInfo.ConvertTime(at, TimeZones.Find(timeZone)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));

    /// <summary>A whole page: skip link, banner with sign-out, main landmark, footer.</summary>
    public static string Page(string title, string main, DashboardUser? user, string? antiforgery, string bodyAttributes = "")
    {
        var signOut = user is null || antiforgery is null ? "" :
            $"<form method=\"post\" action=\"/dashboard/sign-out\" class=\"db-signout\">{antiforgery}<span>Signed in as {E(user.Name)}</span> <button type=\"submit\">Sign out</button></form>";
        var playground = user is { IsPlayground: true }
            ? "<div class=\"db-playground\" role=\"note\">Playground: you signed in from the local web channel, whose identities are not verified. Anyone on this machine can act as anyone.</div>"
            : "";
        return $"""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{E(title)} — CoalitionBot dashboard</title>
            <link rel="stylesheet" href="/dashboard/assets/dashboard.css">
            </head>
            <body{bodyAttributes}>
            <a class="db-skip" href="#main">Skip to content</a>
            {playground}
            <header class="db-header" role="banner"><a class="db-home" href="/dashboard">CoalitionBot dashboard</a>{signOut}</header>
            <main id="main" tabindex="-1">
            {main}
            </main>
            <footer class="db-footer" role="contentinfo">Everything here is also a chat command; every action is audited like one.</footer>
            <script src="/lib/chartjs/chart.umd.min.js"></script>
            <script src="/dashboard/assets/dashboard.js"></script>
            </body>
            </html>
            """;
    }

    public static string StatusLabel(MemoStatus status) => status switch
    {
        MemoStatus.Draft => "Draft",
        MemoStatus.Open => "Open",
        MemoStatus.Closed => "Closed",
        _ => "Final",
    };

    /// <summary>The words for an answer; the page shows them next to a colour, never a colour alone.</summary>
    public static string AnswerLabel(Answer answer) => answer switch
    {
        Answer.Signed => "Signed",
        Answer.NeedsReconfirmation => "Needs re-confirmation",
        Answer.AwaitingApproval => "Late, awaiting approval",
        Answer.Declined => "Declined",
        Answer.Withdrawn => "Withdrawn",
        _ => "No answer",
    };

    public static void SecureHeaders(HttpResponse response)
    {
        response.Headers.CacheControl = "no-store";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.XFrameOptions = "DENY";
        response.Headers.ContentSecurityPolicy =
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";
    }

    public static IResult Result(HttpResponse response, string html, int status = StatusCodes.Status200OK)
    {
        SecureHeaders(response);
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }
}
