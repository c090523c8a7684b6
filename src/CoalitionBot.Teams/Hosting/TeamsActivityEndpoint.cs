using Microsoft.Extensions.Options;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Receiving;
using CoalitionBot.Teams.Activities;
using CoalitionBot.Teams.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CoalitionBot.Teams.Hosting;

/// <summary>
/// POST /api/messages: authenticates the activity, then answers invokes synchronously (they carry the user's
/// card or dialog) and queues everything else, acknowledging at once.
/// </summary>
internal sealed partial class TeamsActivityEndpoint(
    BotFrameworkAuthenticator authenticator,
    InboundIntake intake,
    RecentDeliveries recent,
    QueuedActivityHandler queued,
    InvokeHandler invokes,
    IOptions<TeamsOptions> options,
    TimeProvider time,
    Rosters.TeamsRosterEvents rosters,
    ILogger<TeamsActivityEndpoint> logger,
    Core.Telemetry.BotTelemetry? telemetry = null)
{
    /// <summary>The Bot Framework service gives the bot 15 s to answer an activity (invokes included) before it fails it.</summary>
    public static readonly AckDeadline Deadline = new(Platform.Teams, TimeSpan.FromSeconds(15));

    private const long MaxBodyBytes = 512 * 1024;

    /// <summary>How long a delivered activity id (or a greeted conversation) is remembered.</summary>
    private static readonly TimeSpan Remember = TimeSpan.FromHours(1);

    /// <summary>Answers one POST /api/messages; the answer goes through a one-shot <see cref="Acknowledgement{T}"/> (a late one is logged).</summary>
    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var ack = new Acknowledgement<IResult>(Deadline, "activity", time, logger, telemetry);
        var answer = await AnswerAsync(context).ConfigureAwait(false);
        if (answer is IStatusCodeHttpResult { StatusCode: >= 400 and < 500 and var status })
        {
            telemetry?.Rejected(Platform.Teams, status switch
            {
                StatusCodes.Status401Unauthorized => "unauthenticated",
                StatusCodes.Status403Forbidden => "forbidden",
                StatusCodes.Status413PayloadTooLarge => "too_large",
                _ => "malformed",
            });
        }

        await ack.AckAsync(answer).ConfigureAwait(false);
        return await ack.Acknowledged.ConfigureAwait(false);
    }

    private async Task<IResult> AnswerAsync(HttpContext context)
    {
        var ct = context.RequestAborted;
        var authorization = context.Request.Headers.Authorization.ToString();

        // Authenticate from the header before reading the body, so unauthenticated callers cost nothing and learn nothing.
        var token = await authenticator.ValidateHeaderAsync(string.IsNullOrEmpty(authorization) ? null : authorization, ct).ConfigureAwait(false);
        if (!token.Outcome.Allowed)
        {
            return Results.StatusCode(token.Outcome.StatusCode);
        }

        var body = await RequestBody.ReadAsync(context.Request.Body, context.Request.ContentLength, MaxBodyBytes, ct).ConfigureAwait(false);
        if (body is null)
        {
            LogMalformed(logger, $"body larger than {MaxBodyBytes} bytes");
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize<Activity>(LoneSurrogates.Repair(body), TeamsJson.Options);
        }
        catch (JsonException ex)
        {
            LogMalformed(logger, $"not an activity ({ex.Path ?? "$"})");
            return Results.BadRequest();
        }

        var auth = authenticator.CheckActivity(token, activity?.ChannelId, activity?.ServiceUrl);
        if (!auth.Allowed)
        {
            return Results.StatusCode(auth.StatusCode);
        }

        if (activity?.Type is null || activity.Conversation?.Id is null)
        {
            return Results.BadRequest();
        }

        if (!IsOurTenant(activity))
        {
            // A single-tenant bot answers only its own organisation; another tenant's users must never be linked by e-mail.
            LogForeignTenant(logger, InboundMapper.Tenant(activity));
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        using var scope = logger.BeginScope("Teams {Tenant} {Conversation}", InboundMapper.Tenant(activity), activity.Conversation.Id);
        await rosters.ObserveAsync(activity, ct).ConfigureAwait(false);
        switch (activity.Type)
        {
            case "message":
                return await EnqueueAsync(activity, Message(activity), replyTo: activity.Id, ct).ConfigureAwait(false);
            case "conversationUpdate" when activity.MembersAdded?.Any(m => m.Id == activity.Recipient?.Id) == true:
            case "installationUpdate" when string.Equals(activity.Action, "add", StringComparison.OrdinalIgnoreCase):
                // Personal installs send both events: greet once per conversation.
                if (!recent.TryClaim(new DeliveryKey(Platform.Teams, "greet|" + activity.Conversation.Id), Remember))
                {
                    return Results.Ok();
                }

                return await EnqueueAsync(activity, new CommandText("help"), replyTo: null, ct).ConfigureAwait(false);
            case "invoke":
                var response = await invokes.HandleAsync(activity, ct).ConfigureAwait(false);
                return Results.Json(response, TeamsJson.Options, statusCode: StatusCodes.Status200OK);
            default:
                LogIgnored(logger, activity.Type);
                return Results.Ok();
        }
    }

    private static InboundContent? Message(Activity activity)
    {
        if (activity.Value is { ValueKind: JsonValueKind.Object } && InboundMapper.FromCardData(activity.Value) is { } submitted)
        {
            return submitted;
        }

        var text = InboundMapper.CommandText(activity);
        if (text.Length == 0)
        {
            // Only an attachment (a file, an image): docs/commands.md promises help for what the bot cannot read.
            return activity.Attachments is { Count: > 0 } ? new CommandText("help") : null;
        }

        return new CommandText(text);
    }

    private async Task<IResult> EnqueueAsync(Activity activity, InboundContent? content, string? replyTo, CancellationToken ct)
    {
        if (content is null)
        {
            return Results.Ok();
        }

        var inbound = new Inbound(InboundMapper.DeliveryId(activity), InboundMapper.Actor(activity), InboundMapper.Place(activity), content);
        var item = new QueuedActivity(inbound, ConversationReference.From(activity), replyTo, InboundMapper.IsPersonal(activity));
        switch (await intake.AcceptAsync(new DeliveryKey(Platform.Teams, inbound.DeliveryId), Remember, QueuedActivityHandler.Payload(item), queued.Handling(item), ct).ConfigureAwait(false))
        {
            case IntakeOutcome.Duplicate:
                LogDuplicate(logger, inbound.DeliveryId);
                return Results.Ok();
            case IntakeOutcome.Accepted:
                return Results.Accepted();
            default:
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
    }

    /// <summary>
    /// Single-tenant bots (the default) take activities only from their own tenant. Multi-tenant bots and the
    /// Development anonymous mode (no tenant configured) take any.
    /// </summary>
    private bool IsOurTenant(Activity activity) =>
        options.Value.MultiTenant || string.IsNullOrWhiteSpace(options.Value.TenantId)
        || string.Equals(InboundMapper.Tenant(activity), options.Value.TenantId, StringComparison.OrdinalIgnoreCase);

    [LoggerMessage(EventId = LogEvents.MalformedActivity, Level = LogLevel.Warning, Message = "Refused an authenticated Teams request: {Reason}")]
    private static partial void LogMalformed(ILogger logger, string reason);

    [LoggerMessage(EventId = LogEvents.ForeignTenant, Level = LogLevel.Warning, Message = "Refused a Teams activity from tenant {Tenant}, which is not this bot's tenant")]
    private static partial void LogForeignTenant(ILogger logger, string tenant);

    [LoggerMessage(EventId = LogEvents.ActivityIgnored, Level = LogLevel.Debug, Message = "Ignoring Teams activity of type {Type}")]
    private static partial void LogIgnored(ILogger logger, string type);

    [LoggerMessage(EventId = LogEvents.DuplicateActivity, Level = LogLevel.Information, Message = "Teams activity {DeliveryId} was delivered again; acknowledged without handling")]
    private static partial void LogDuplicate(ILogger logger, string deliveryId);
}
