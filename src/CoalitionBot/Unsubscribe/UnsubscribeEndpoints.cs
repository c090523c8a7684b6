using CoalitionBot.Core.Data;
using CoalitionBot.Core.Reach;
using CoalitionBot.SignOnPage;

namespace CoalitionBot.Unsubscribe;

/// <summary>
/// One-click unsubscribe (RFC 8058) at <c>/unsubscribe/{token}</c>, the https URL in every e-mail's List-Unsubscribe: a
/// POST (what mailbox providers send, body <c>List-Unsubscribe=One-Click</c>, no login, no cookies) records that the
/// address wants no more e-mail; a GET (a person who opened the link) shows a page that asks first, because mail
/// scanners open links. The token is the signed address; a bad one gets 404. Idempotent: a second POST says it is done.
/// </summary>
public static partial class UnsubscribeEndpoints
{
    public static IEndpointRouteBuilder MapUnsubscribe(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(UnsubscribeLinks.Path.TrimEnd('/')).AddEndpointFilter(GuardAsync);
        group.MapGet("/{token}", Confirm);

        // RFC 8058: the POST carries no antiforgery token and no cookie; the signed token is the whole authority.
        group.MapPost("/{token}", UnsubscribeAsync).DisableAntiforgery();
        return app;
    }

    private static async ValueTask<object?> GuardAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        SignOnPageLayout.AddSecurityHeaders(http.Response);
        if (!http.RequestServices.GetRequiredService<SignOnPageLimiter>().TryAcquire(http))
        {
            http.Response.Headers.RetryAfter = "60";
            return SignOnPageViews.Problem(StatusCodes.Status429TooManyRequests, "Too many requests", "Please wait a minute and try again.");
        }

        return await next(context);
    }

    private static IResult Confirm(string token, UnsubscribeLinks links)
    {
        if (links.Read(token) is not { } email)
        {
            return Unknown();
        }

        var action = SignOnPageLayout.Encode(UnsubscribeLinks.Path + token);
        return SignOnPageLayout.Page("Stop e-mails from CoalitionBot",
            $"<h1>Stop e-mails from CoalitionBot?</h1><section><p>No more e-mails about coalition memos will be sent to <strong>{SignOnPageLayout.Encode(email)}</strong>. "
            + "The coordinators will see that you unsubscribed and may reach you another way.</p>"
            + $"<form method=\"post\" action=\"{action}\"><input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">"
            + "<button type=\"submit\" class=\"cb-primary\">Unsubscribe</button></form></section>");
    }

    private static async Task<IResult> UnsubscribeAsync(string token, UnsubscribeLinks links, IDataSession data, TimeProvider clock, ILoggerFactory logs, CancellationToken ct)
    {
        if (links.Read(token) is not { } email)
        {
            return Unknown();
        }

        var changed = await Unsubscribes.RecordAsync(data, clock, email, ct);
        if (changed > 0)
        {
            LogUnsubscribed(logs.CreateLogger(typeof(UnsubscribeEndpoints)), changed);
        }

        return SignOnPageLayout.Page("Unsubscribed",
            $"<h1>You are unsubscribed</h1><p class=\"cb-status\" role=\"status\">No more e-mails will be sent to {SignOnPageLayout.Encode(email)}. "
            + "If this was a mistake, ask a coordinator of your coalition to reach you again.</p>");
    }

    private static IResult Unknown() => SignOnPageViews.Problem(StatusCodes.Status404NotFound, "Unknown unsubscribe link",
        "This unsubscribe link is not valid (it may have been cut short when it was copied). Use the link in the e-mail again, or reply to it with \"unsubscribe\".");

    [LoggerMessage(EventId = LogEvents.Unsubscribed, Level = LogLevel.Information, Message = "One-click unsubscribe: {Count} contact(s) will get no more e-mail")]
    private static partial void LogUnsubscribed(ILogger logger, int count);
}
