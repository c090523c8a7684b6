using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Data;
using CoalitionBot.Core.Domain;
using CoalitionBot.Core.Reach;
using CoalitionBot.Core.Replies;
using CoalitionBot.WebChannel;
using Microsoft.AspNetCore.Antiforgery;

namespace CoalitionBot.SignOnPage;

/// <summary>
/// The web sign-on page an e-mailed partner answers on: <c>GET /m/{token}</c> shows the memo and the answer that
/// counts for them; <c>POST /m/{token}</c> turns each button or form into an <see cref="Inbound"/> for the core and
/// shows its reply. No account: the personal link is the capability. Every response carries strict security headers.
/// </summary>
public static partial class SignOnPageEndpoints
{
    public static IServiceCollection AddSignOnPage(this IServiceCollection services)
    {
        services.AddOptions<SignOnPageOptions>().BindConfiguration(SignOnPageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SignOnPageLimiter>();
        services.AddCoalitionAntiforgery();
        return services;
    }

    public static IEndpointRouteBuilder MapSignOnPage(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(PersonalLinks.Path.TrimEnd('/')).AddEndpointFilter(GuardAsync);
        group.MapGet("/{token}", Open);

        // Validated below with IAntiforgery, so a refused POST gets a page that says what to do.
        group.MapPost("/{token}", Answer).DisableAntiforgery();
        return app;
    }

    private static async ValueTask<object?> GuardAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        SignOnPageLayout.AddSecurityHeaders(http.Response);
        if (!http.RequestServices.GetRequiredService<SignOnPageLimiter>().TryAcquire(http))
        {
            http.Response.Headers.RetryAfter = "60";
            return SignOnPageViews.Problem(StatusCodes.Status429TooManyRequests, "Too many requests",
                "This page was asked for too often in the last minute. Please wait a minute and try again; nothing was lost.");
        }

        try
        {
            return await next(context);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(http.RequestServices.GetRequiredService<ILogger<SignOnPageLimiter>>(), e);
            return SignOnPageViews.Problem(StatusCodes.Status500InternalServerError, "Something went wrong",
                "Something went wrong on our side and nothing was changed. Please try again in a minute; if it keeps happening, reply to the e-mail to tell a coordinator.");
        }
    }

    private static async Task<IResult> Open(string token, HttpContext http, PersonalLinks links, IDataSession data, CoalitionScope scope, IAntiforgery antiforgery, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var check = await links.CheckAsync(data, token, now, ct);
        if (await LinkProblems.ForAsync(check, data, ct) is { } problem)
        {
            return problem;
        }

        scope.Enter(check.Link!.CoalitionId); // the link is for one coalition's memo: read nothing of another

        var view = await LinkedMemo.LoadAsync(data, check.Memo!, check.Contact!, ct);
        return SignOnPageViews.MemoPage(view, PostTarget(http, token, antiforgery), now);
    }

    private static async Task<IResult> Answer(
        string token, HttpContext http, PersonalLinks links, IDataSession data, CoalitionScope scope, IAntiforgery antiforgery, IInboundHandler handler, TimeProvider clock, CancellationToken ct)
    {
        var check = await links.CheckAsync(data, token, clock.GetUtcNow(), ct);
        if (await LinkProblems.ForAsync(check, data, ct) is { } problem)
        {
            return problem;
        }

        scope.Enter(check.Link!.CoalitionId);

        if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http))
        {
            return LinkProblems.FormRefused;
        }

        var (link, memo, contact) = (check.Link!, check.Memo!, check.Contact!);
        if (await LinkProblems.IdentityAsync(data, contact, clock.GetUtcNow(), ct) is { } identityProblem)
        {
            return identityProblem;
        }

        var form = await http.Request.ReadFormAsync(ct);
        var origin = new InboundOrigin(LinkInbound.Via, http.Connection.RemoteIpAddress?.ToString(), UserAgent(http));
        if (LinkInbound.From(form, link, memo, contact, contact.Email!, origin) is not { } inbound)
        {
            return LinkProblems.NotThisPage;
        }

        var reply = await handler.HandleAsync(inbound, ct);
        data.Reset(); // the core answered in its own unit of work: read the memo and the answer as they are now
        var view = await LinkedMemo.LoadAsync(data, memo, contact, ct);
        var post = PostTarget(http, token, antiforgery);
        var back = http.Request.PathBase + PersonalLinks.Path + token;
        var now = clock.GetUtcNow();
        return reply switch
        {
            OpenFormReply f => SignOnPageViews.FormPage(view, HtmlRenderer.Render(f.Form, post: post), back),
            FormErrorsReply e => SignOnPageViews.FormPage(view, HtmlRenderer.Render(e.Form, e.Errors, (inbound.Content as FormSubmission)?.Fields, post), back),
            FormAcceptedReply a => SignOnPageViews.MemoPage(view, post, now, SignOnPageViews.Banner(HtmlRenderer.Render(a.Confirmation, post))),
            MessageReply m => SignOnPageViews.MemoPage(view, post, now, SignOnPageViews.Banner(HtmlRenderer.Render(m.Message, post))),
            _ => SignOnPageViews.MemoPage(view, post, now, SignOnPageViews.Banner(
                "<p>That was already sent (a double click or a reload), so nothing was done twice. This is how things stand now.</p>")),
        };
    }

    /// <summary>Every form on the page posts back here with the antiforgery token and its own nonce.</summary>
    private static HtmlPostTarget PostTarget(HttpContext http, string token, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        var antiforgeryField = $"<input type=\"hidden\" name=\"{SignOnPageLayout.Encode(tokens.FormFieldName)}\" value=\"{SignOnPageLayout.Encode(tokens.RequestToken ?? "")}\">";
        return new HtmlPostTarget(http.Request.PathBase + PersonalLinks.Path + token,
            () => antiforgeryField + $"<input type=\"hidden\" name=\"{LinkInbound.NonceField}\" value=\"{LinkInbound.NewNonce()}\">");
    }

    private static string? UserAgent(HttpContext http) =>
        http.Request.Headers.UserAgent.ToString() is { Length: > 0 } ua ? ua[..Math.Min(ua.Length, 400)] : null;

    [LoggerMessage(EventId = LogEvents.SignOnPageFailed, Level = LogLevel.Error, Message = "The sign-on page failed to answer a request")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
