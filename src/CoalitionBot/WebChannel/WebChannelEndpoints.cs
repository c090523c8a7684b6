using System.Net;
using System.Text.Json;
using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Features;
using CoalitionBot.Core.Messages;
using CoalitionBot.Core.Receiving;
using CoalitionBot.Core.Replies;
using CoalitionBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoalitionBot.WebChannel;

/// <summary>
/// The local web channel: a playground where a person picks who they are and talks to the bot in a browser.
/// Identities are not verified, so it answers only requests from this machine.
/// </summary>
public static partial class WebChannelEndpoints
{
    public const string Tenant = "local";

    /// <summary>A send request's body: a command's text is cut at 250,000 characters, which UTF-8 may spell in up to 1 MB.</summary>
    public const int MaxSendBytes = 2 * 1024 * 1024;

    private static readonly JsonSerializerOptions SendJson = new(JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapWebChannel(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/web/api").AddEndpointFilter(async (context, next) =>
            IsLocal(context.HttpContext)
                ? await next(context)
                : Rejected(context.HttpContext, "not_local") ?? Results.Problem("The web channel is a local playground and answers only this machine.", statusCode: StatusCodes.Status403Forbidden));
        group.MapGet("/people", People);
        group.MapPost("/send", Send);
        group.MapGet("/inbox", Inbox);
        group.MapWebUpload();
        return app;
    }

    /// <summary>Headers a reverse proxy or tunnel adds; any one of them means the request was relayed from elsewhere.</summary>
    private static readonly string[] RelayHeaders = ["X-Forwarded-For", "Forwarded", "X-Forwarded-Host", "X-Forwarded-Proto", "X-Forwarded-Port", "X-Real-IP"];

    /// <summary>
    /// From this machine, to a loopback host name, and not relayed: a reverse proxy or tunnel on the same host also
    /// connects from loopback, but says so in its forwarding headers, and then the request is someone else's; a
    /// DNS-rebinding page connects from loopback too, but names its own host.
    /// </summary>
    internal static bool IsLocal(HttpContext http)
    {
        var allowed = http.RequestServices.GetRequiredService<IOptions<WebChannelOptions>>().Value.AllowedHosts;
        return (http.Connection.RemoteIpAddress is null || IPAddress.IsLoopback(http.Connection.RemoteIpAddress))
            && (WebChannelOptions.LoopbackHosts.Contains(http.Request.Host.Host, StringComparer.OrdinalIgnoreCase)
                || allowed.Contains(http.Request.Host.Host, StringComparer.OrdinalIgnoreCase))
            && !RelayHeaders.Any(http.Request.Headers.ContainsKey);
    }

    private static async Task<IResult> People(CoalitionDbContext db, CancellationToken ct)
    {
        var orgs = await db.Organisations.ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var people = await db.Contacts.Where(c => c.Email != null).OrderByDescending(c => c.IsCoordinator).ThenBy(c => c.Name).ToListAsync(ct);
        return Results.Ok(people.Select(c => new
        {
            c.Name,
            c.Email,
            Organisation = c.OrganisationId is { } id ? orgs.GetValueOrDefault(id) : null,
            c.IsCoordinator,
            c.TimeZone,
        }));
    }

    private static async Task<IResult> Send(HttpRequest http, IInboundHandler handler, WebFormIntake forms, ILoggerFactory loggers, CancellationToken ct)
    {
        // Read by hand, not bound: a lone surrogate escape or an odd-typed field must be a 400, not an exception.
        var body = await RequestBody.ReadAsync(http.Body, http.ContentLength, MaxSendBytes, ct);
        WebSendRequest? request = null;
        try
        {
            request = body is null ? null : JsonSerializer.Deserialize<WebSendRequest>(LoneSurrogates.Repair(body), SendJson);
        }
        catch (JsonException)
        {
        }

        if (request is null)
        {
            Rejected(http.HttpContext, "malformed");
            LogMalformed(loggers.CreateLogger(typeof(WebChannelEndpoints)), body is null ? $"body larger than {MaxSendBytes} bytes" : "not a send request");
            return Results.BadRequest(new { error = "Send JSON: an e-mail and a command, a button press or a form." });
        }

        return await SendAsync(request, handler, forms, ct);
    }

    private static async Task<IResult> SendAsync(WebSendRequest request, IInboundHandler handler, WebFormIntake forms, CancellationToken ct)
    {
        if (Core.Domain.Contact.NormaliseEmail(request.Email) is null)
        {
            return Results.BadRequest(new { error = "Choose who you are first (an e-mail identifies you in the playground)." });
        }

        if (ToInbound(request) is not { } inbound)
        {
            return Results.BadRequest(new { error = "Send a command, a button press or a form." });
        }

        // A sign-on whose fields are fine is journaled and answered at once (P3); any other item is handled here.
        var reply = (SignOnFields.MayAckFirst(inbound) ? await forms.AcceptAsync(request, inbound, ct) : null) ?? await handler.HandleAsync(inbound, ct);
        return Results.Ok(reply switch
        {
            MessageReply m => new WebReply("message", HtmlRenderer.Render(m.Message)),
            OpenFormReply f => new WebReply("form", HtmlRenderer.Render(f.Form)),
            FormErrorsReply e => new WebReply("formErrors", HtmlRenderer.Render(e.Form, e.Errors, request.Fields)),
            FormAcceptedReply a => new WebReply("formAccepted", HtmlRenderer.Render(a.Confirmation)),
            ReceivedReply r => new WebReply("formReceived", HtmlRenderer.Render(r.Message)),
            _ => new WebReply("duplicate", ""),
        });
    }

    /// <summary>The inbound item a send request carries (null without an e-mail or without a command, press or form).</summary>
    internal static Inbound? ToInbound(WebSendRequest request)
    {
        var email = Core.Domain.Contact.NormaliseEmail(request.Email);
        InboundContent? content = request switch
        {
            { FormId: { Length: > 0 } formId } => new FormSubmission(formId, request.Context ?? "", request.Fields ?? []),
            { ActionId: { Length: > 0 } actionId } => new ButtonAction(actionId, request.Value ?? ""),
            { Text: not null } => new CommandText(request.Text.Length > 250_000 ? request.Text[..250_000] : request.Text),
            _ => null,
        };
        if (email is null || content is null)
        {
            return null;
        }

        var actor = new Actor(new ChatIdentity(Platform.Web, Tenant, email), request.Name?.Trim() is { Length: > 0 } n ? n : email, email, request.TimeZone);
        var place = new Place(Platform.Web, Tenant, "dm:" + email, PlaceKind.Direct);
        return new Inbound(request.Id is { Length: > 0 and <= 100 } id ? id : Guid.NewGuid().ToString("N"), actor, place, content);
    }

    private static async Task<IResult> Inbox(string? email, long? after, CoalitionDbContext db, CancellationToken ct)
    {
        var normalised = Core.Domain.Contact.NormaliseEmail(email);
        var contactIds = await db.Identities
            .Where(i => i.Platform == Platform.Web && i.TenantId == Tenant && i.UserId == normalised)
            .Select(i => i.ContactId).ToListAsync(ct);
        var since = after ?? 0;
        var rows = await db.WebInbox.Where(m => contactIds.Contains(m.ContactId) && m.Id > since).OrderBy(m => m.Id).Take(100).ToListAsync(ct);
        var replaces = await WebInboxUpdates.ReplacedAsync(db, rows, ct);

        // A card updated after `after` comes as a replacement of the row the browser shows; one it has not seen yet is current already.
        return Results.Ok(rows.Where(r => !replaces.TryGetValue(r.Id, out var card) || card <= since).Select(r => new
        {
            r.Id,
            Html = HtmlRenderer.Render(JsonSerializer.Deserialize<Message>(r.Payload, Deliveries.Json)!),
            r.At,
            Replaces = replaces.TryGetValue(r.Id, out var card) ? card : (long?)null,
        }));
    }

    /// <summary>Counts a refused request (<see cref="Core.Telemetry.BotTelemetry.Rejected"/>); always null, so it reads as part of the answer.</summary>
    internal static IResult? Rejected(HttpContext http, string reason)
    {
        http.RequestServices.GetService<Core.Telemetry.BotTelemetry>()?.Rejected(Platform.Web, reason);
        return null;
    }

    [LoggerMessage(EventId = LogEvents.SendRefused, Level = LogLevel.Warning, Message = "Refused a web channel request: {Reason}")]
    private static partial void LogMalformed(ILogger logger, string reason);
}
