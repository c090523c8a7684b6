using CoalitionBot.Email.Pickup;
using MimeKit;

namespace CoalitionBot.WebChannel;

/// <summary>
/// `/mail`: the e-mails written to the pickup folder (nothing configured for SMTP), so a newcomer can open what a
/// partner would receive and follow its link. Like the rest of the playground it answers only this machine.
/// </summary>
public static class MailPickupEndpoints
{
    /// <summary>The e-mail's own HTML may only lay itself out: no scripts, no remote loads, links open outside.</summary>
    private const string MailPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; sandbox allow-popups allow-popups-to-escape-sandbox";

    private const string PagePolicy = "default-src 'none'; style-src 'self' 'unsafe-inline'; frame-src 'self'; base-uri 'none'; form-action 'none'";

    public static IEndpointRouteBuilder MapMailPickup(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/mail").AddEndpointFilter(async (context, next) =>
            WebChannelEndpoints.IsLocal(context.HttpContext)
                ? await next(context)
                : Results.Problem("The mail pickup folder is part of the local playground and answers only this machine.", statusCode: StatusCodes.Status403Forbidden));
        group.MapGet("/", List);
        group.MapGet("/{name}", View);
        group.MapGet("/{name}/html", Html);
        group.MapGet("/{name}/raw", Raw);
        return app;
    }

    private static IResult List(PickupFolder folder, HttpResponse response) =>
        Page(response, MailPickupPages.List(folder.Path, folder.List()));

    private static IResult View(string name, PickupFolder folder, HttpResponse response) =>
        folder.Open(name) is { } message ? Page(response, MailPickupPages.View(name, message)) : NotFound();

    private static IResult Html(string name, PickupFolder folder, HttpResponse response)
    {
        if (folder.Open(name) is not { HtmlBody: { } html })
        {
            return NotFound();
        }

        Secure(response, MailPolicy);
        // Links open in a new tab: inside the sandboxed frame a followed link would be sandboxed too.
        var index = html.IndexOf("<head>", StringComparison.OrdinalIgnoreCase);
        var framed = index < 0 ? "<base target=\"_blank\">" + html : html.Insert(index + "<head>".Length, "<base target=\"_blank\">");
        return Results.Content(framed, "text/html; charset=utf-8");
    }

    private static IResult Raw(string name, PickupFolder folder, HttpResponse response)
    {
        if (folder.Open(name) is not { } message)
        {
            return NotFound();
        }

        Secure(response, MailPolicy);
        var stream = new MemoryStream();
        message.WriteTo(FormatOptions.Default, stream);
        stream.Position = 0;
        return Results.File(stream, "message/rfc822", name);
    }

    private static IResult Page(HttpResponse response, string html)
    {
        Secure(response, PagePolicy);
        return Results.Content(html, "text/html; charset=utf-8");
    }

    private static void Secure(HttpResponse response, string policy)
    {
        response.Headers.ContentSecurityPolicy = policy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.CacheControl = "no-store";
    }

    private static IResult NotFound() =>
        Results.Text("There is no such e-mail in the pickup folder.", "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
}
