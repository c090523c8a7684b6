using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;

namespace CoalitionBot.Slack.Installations;

/// <summary>The small pages of the install flow: every text is HTML-encoded, nothing is cached, no referrer leaks the code.</summary>
internal static class SlackInstallPage
{
    /// <summary>Stands for the "Add to Slack" button among a page's paragraphs (the one piece of markup not encoded).</summary>
    public const string AddToSlackButton = "\u0000add-to-slack";

    public static IResult Show(int status, string title, params string[] paragraphs)
    {
        var html = HtmlEncoder.Default;
        var body = string.Concat(paragraphs.Select(p => p == AddToSlackButton
            ? "<p><a href=\"/slack/install\" style=\"display:inline-block;padding:.6em 1.2em;border-radius:6px;background:#4a154b;color:#fff;text-decoration:none;font-weight:600\">Add to Slack</a></p>"
            : $"<p>{html.Encode(p)}</p>"));
        var page = $"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"referrer\" content=\"no-referrer\">"
            + $"<title>{html.Encode(title)}</title></head><body><main><h1>{html.Encode(title)}</h1>{body}</main></body></html>";
        return new PageResult(status, page);
    }

    private sealed class PageResult(int status, string page) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            httpContext.Response.Headers.CacheControl = "no-store";
            httpContext.Response.Headers["Referrer-Policy"] = "no-referrer";
            httpContext.Response.ContentType = "text/html; charset=utf-8";
            return httpContext.Response.WriteAsync(page);
        }
    }
}
