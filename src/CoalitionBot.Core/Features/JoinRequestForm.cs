using System.Net.Mail;
using CoalitionBot.Core.Data;
using CoalitionBot.Core.Domain;
using CoalitionBot.Core.Messages;
using CoalitionBot.Core.Replies;
using CoalitionBot.Core.Routing;

namespace CoalitionBot.Core.Features;

/// <summary>
/// A person the bot does not know pressed a card's button (a memo circulated to a channel): a form asks which
/// organisation they are with; submitting it stores a <see cref="JoinRequest"/> and tells the coordinators. Nothing
/// the person does counts until a coordinator approves it (<see cref="JoinRequestCommands"/>).
/// </summary>
public sealed class JoinRequestForm : IFeature
{
    private const int NameMax = Documents.DirectoryLimits.NameMax;

    public IEnumerable<Route> Routes =>
    [
        Route.Form(FormIds.JoinRequest, Permission.Anyone, "Ask to join the coalition as a contact of a partner organisation.", SubmitAsync),
    ];

    /// <summary>
    /// For a stranger pressing a button that needs a known person (sign, decline, comment…) once a coalition exists:
    /// the join form instead of a refusal — only for a card pressed in a channel (a memo circulated there); a direct
    /// message only ever holds cards sent to known contacts, so a stranger's press there is refused as before. Null
    /// when the pipeline should go on as usual.
    /// </summary>
    public static Reply? AskInstead(RequestContext ctx, Route route) =>
        ctx is { Me: null, Coalition: not null, Action: { } action } && ctx.Inbound.Place.Kind == Conversation.PlaceKind.Channel
        && route is { Kind: RouteKind.Action, Permission: Permission.Member }
            ? new OpenFormReply(Form(ctx, action.Value, null))
            : null;

    private static Form Form(RequestContext ctx, string memoCode, JoinRequest? existing) =>
        new(FormIds.JoinRequest, "Join the coalition", "Ask to join", Memos.Shorten(memoCode, 20), [
            new FormField("organisation", "Organisation", FormFieldKind.ShortText, Required: true, MaxLength: NameMax, Initial: existing?.OrganisationName,
                Hint: "The partner organisation you would sign for, as it should be written."),
            new FormField("name", "Your name", FormFieldKind.ShortText, Required: true, MaxLength: NameMax, Initial: existing?.PersonName ?? ctx.Inbound.Actor.DisplayName),
            new FormField("email", "Your e-mail", FormFieldKind.ShortText, Required: true, MaxLength: 320, Initial: existing?.Email ?? ctx.Inbound.Actor.Email),
            new FormField("title", "Your title", FormFieldKind.ShortText, Required: true, MaxLength: NameMax, Initial: existing?.Title, Hint: "For example: Executive Director"),
        ], "I don't know you yet. Which organisation are you with? A coordinator will confirm it; nothing is counted until they do.");

    private static async Task<Reply> SubmitAsync(RequestContext ctx, CancellationToken ct)
    {
        var coalition = ctx.CoalitionOrThrow;
        if (ctx.Me is not null)
        {
            return new FormAcceptedReply(Message.Text("I know you already: press the card's button again to answer for your organisation."));
        }

        var values = new FormValues(ctx.Submission!);
        var organisation = values.Text("organisation", "Organisation", true, NameMax);
        var name = values.Text("name", "Your name", true, NameMax);
        var email = Contact.NormaliseEmail(values.Text("email", "Your e-mail", true, 320));
        var title = values.Text("title", "Your title", true, NameMax);
        if (email is null || !MailAddress.TryCreate(email, out _))
        {
            values.Error("email", "Please give an e-mail address, so the coordinators can check who you are.");
        }

        var id = ctx.Inbound.Actor.Identity;
        var existing = await ctx.Data.FirstOrDefaultAsync(ctx.Data.JoinRequests.Where(r => r.CoalitionId == coalition.Id && r.State == JoinRequestState.Pending
            && r.Platform == id.Platform && r.TenantId == id.TenantId && r.UserId == id.UserId), ct);
        if (!values.IsValid)
        {
            return new FormErrorsReply(Form(ctx, ctx.Submission!.Context, existing), values.Errors);
        }

        var memoCode = ctx.Submission!.Context.Length > 0 ? ctx.Submission.Context : null;
        for (var attempt = 0; ; attempt++)
        {
            var request = existing ?? new JoinRequest
            {
                CoalitionId = coalition.Id, Platform = id.Platform, TenantId = id.TenantId, UserId = id.UserId,
                OrganisationName = organisation, PersonName = name, Email = email!, Title = title, CreatedAt = ctx.Now,
                Number = await NextNumberAsync(ctx.Data, coalition.Id, ct),
            };
            (request.OrganisationName, request.PersonName, request.Email, request.Title) = (organisation, name, email!, title);
            request.MemoCode = memoCode ?? request.MemoCode;
            request.Reference = ctx.Inbound.Place.Reference ?? request.Reference;
            if (existing is null)
            {
                ctx.Data.Add(request);
            }

            ctx.Audit(existing is null ? "join.requested" : "join.request.updated", $"#{request.Number} {name} → {organisation}", null,
                after: new { request.Number, Organisation = organisation, Name = name, Email = email, Title = title, Platform = id.Platform.ToString(), request.MemoCode });
            await Deliveries.NotifyCoordinatorsAsync(ctx, $"join:{request.Id:N}", Message.Text(
                $"Join request #{request.Number}: {name} <{email}>, {title}, says they are with \"{organisation}\" (pressed {request.MemoCode ?? "a memo"}'s card on {id.Platform}). "
                + $"Type `partners approve {request.Number}` to make them a contact of it, or `partners decline-request {request.Number}`. `partners requests` lists every request waiting."), ct);
            try
            {
                await ctx.SaveAsync(ct);
                break;
            }
            catch (UniqueConflictException) when (attempt < 5 && existing is null)
            {
                // Another stranger took this number first (the save was undone): take the next one.
            }
        }

        return new FormAcceptedReply(Message.Text(
            $"Thank you, {name}. I asked the coordinators to confirm that you are with {organisation}. Once they do, I'll send you the memo in a direct message so you can answer for it; nothing is counted until then."));
    }

    private static async Task<int> NextNumberAsync(IDataSession data, Guid coalitionId, CancellationToken ct) =>
        (await data.FirstOrDefaultAsync(data.JoinRequests.Where(r => r.CoalitionId == coalitionId).OrderByDescending(r => r.Number).Select(r => (int?)r.Number), ct) ?? 0) + 1;
}
