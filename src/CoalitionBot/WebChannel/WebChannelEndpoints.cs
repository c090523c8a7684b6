using System.Net;
using System.Text.Json;
using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Features;
using CoalitionBot.Core.Messages;
using CoalitionBot.Core.Replies;
using CoalitionBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CoalitionBot.WebChannel;

/// <summary>
/// The local web channel: a playground where a person picks who they are and talks to the bot in a browser.
/// Identities are not verified, so it answers only requests from this machine.
/// </summary>
public static class WebChannelEndpoints
{
    public const string Tenant = "local";

    public static IEndpointRouteBuilder MapWebChannel(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/web/api").AddEndpointFilter(async (context, next) =>
            IsLocal(context.HttpContext)
                ? await next(context)
                : Results.Problem("The web channel is a local playground and answers only this machine.", statusCode: StatusCodes.Status403Forbidden));
        group.MapGet("/people", People);
        group.MapPost("/send", Send);
        group.MapGet("/inbox", Inbox);
        group.MapWebUpload();
        return app;
    }

    /// <summary>
    /// From this machine, and not relayed: a reverse proxy or tunnel on the same host also connects from loopback,
    /// but says so in its forwarding headers, and then the request is someone else's.
    /// </summary>
    internal static bool IsLocal(HttpContext http) =>
        (http.Connection.RemoteIpAddress is null || IPAddress.IsLoopback(http.Connection.RemoteIpAddress))
        && !http.Request.Headers.ContainsKey("X-Forwarded-For") && !http.Request.Headers.ContainsKey("Forwarded")
        && !http.Request.Headers.ContainsKey("X-Forwarded-Host");

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

    private static async Task<IResult> Send(WebSendRequest request, IInboundHandler handler, CancellationToken ct)
    {
        var email = Core.Domain.Contact.NormaliseEmail(request.Email);
        if (email is null)
        {
            return Results.BadRequest(new { error = "Choose who you are first (an e-mail identifies you in the playground)." });
        }

        InboundContent? content = request switch
        {
            { FormId: { Length: > 0 } formId } => new FormSubmission(formId, request.Context ?? "", request.Fields ?? []),
            { ActionId: { Length: > 0 } actionId } => new ButtonAction(actionId, request.Value ?? ""),
            { Text: not null } => new CommandText(request.Text.Length > 250_000 ? request.Text[..250_000] : request.Text),
            _ => null,
        };
        if (content is null)
        {
            return Results.BadRequest(new { error = "Send a command, a button press or a form." });
        }

        var actor = new Actor(new ChatIdentity(Platform.Web, Tenant, email), request.Name?.Trim() is { Length: > 0 } n ? n : email, email, request.TimeZone);
        var place = new Place(Platform.Web, Tenant, "dm:" + email, PlaceKind.Direct);
        var inbound = new Inbound(request.Id is { Length: > 0 and <= 100 } id ? id : Guid.NewGuid().ToString("N"), actor, place, content);
        var reply = await handler.HandleAsync(inbound, ct);
        return Results.Ok(reply switch
        {
            MessageReply m => new WebReply("message", HtmlRenderer.Render(m.Message)),
            OpenFormReply f => new WebReply("form", HtmlRenderer.Render(f.Form)),
            FormErrorsReply e => new WebReply("formErrors", HtmlRenderer.Render(e.Form, e.Errors, request.Fields)),
            FormAcceptedReply a => new WebReply("formAccepted", HtmlRenderer.Render(a.Confirmation)),
            _ => new WebReply("duplicate", ""),
        });
    }

    private static async Task<IResult> Inbox(string? email, long? after, CoalitionDbContext db, CancellationToken ct)
    {
        var normalised = Core.Domain.Contact.NormaliseEmail(email);
        var contactIds = await db.Identities
            .Where(i => i.Platform == Platform.Web && i.TenantId == Tenant && i.UserId == normalised)
            .Select(i => i.ContactId).ToListAsync(ct);
        var since = after ?? 0;
        var rows = await db.WebInbox.Where(m => contactIds.Contains(m.ContactId) && m.Id > since).OrderBy(m => m.Id).Take(100).ToListAsync(ct);
        return Results.Ok(rows.Select(r => new
        {
            r.Id,
            Html = HtmlRenderer.Render(JsonSerializer.Deserialize<Message>(r.Payload, Deliveries.Json)!),
            r.At,
        }));
    }
}
