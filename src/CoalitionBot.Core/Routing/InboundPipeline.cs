using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Data;
using CoalitionBot.Core.Features;
using CoalitionBot.Core.Replies;
using Microsoft.Extensions.Logging;

namespace CoalitionBot.Core.Routing;

/// <summary>
/// Handles one inbound item in its own scope: drop duplicates, resolve the actor, route, check the
/// permission, run the handler, save. Refusals become plain answers; unexpected errors are logged and the
/// person gets a short apology, never an exception text.
/// </summary>
public sealed partial class InboundPipeline(
    IDataSession data,
    ActorResolver actors,
    CoalitionScope scope,
    Router router,
    TimeProvider clock,
    ILogger<InboundPipeline> logger,
    Telemetry.BotTelemetry? telemetry = null)
{
    public async Task<Reply> HandleAsync(Inbound inbound, CancellationToken ct)
    {
        inbound = Receiving.InboundText.Clean(inbound); // the one way in: no control character is stored from here on
        using var activity = telemetry?.Start("coalitionbot.inbound.pipeline", inbound.Place.Platform)?.SetTag(Telemetry.TelemetryTags.DeliveryId, inbound.DeliveryId);
        var key = $"{inbound.Place.Platform}:{inbound.DeliveryId}";
        if (await data.CountAsync(data.ProcessedInbound.Where(p => p.Key == key), ct) > 0)
        {
            return DuplicateReply.Instance;
        }

        var (unstamped, stamped) = CoalitionStamp.Take(inbound);
        inbound = unstamped;
        var route = router.Match(inbound.Content);
        activity?.SetTag(Telemetry.TelemetryTags.Route, route?.Key ?? "(none)");
        try
        {
            var (me, coalition, email, memberships, contacts, noCoalition) = await actors.ResolveAsync(inbound, inbound.Coalition ?? stamped, clock.GetUtcNow(), ct);
            if (email is not null && inbound.Actor.Email is null)
            {
                inbound = inbound with { Actor = inbound.Actor with { Email = email } }; // what the platform told us when asked
            }

            scope.Enter(coalition?.Id ?? CoalitionScope.Nobody);
            var context = new RequestContext(inbound, data, clock, me, coalition, route) { Scope = scope, Memberships = memberships, MyContacts = contacts, NoCoalition = noCoalition };
            var reply = CoalitionLabel.Apply(await HandleAsync(context, route, ct), context);
            return context.Coalition is { } answered ? CoalitionStamp.Apply(reply, answered.Id) : reply;
        }
        catch (RefusalException refusal)
        {
            return new MessageReply(Messages.Message.Text(refusal.Message));
        }
        catch (DuplicateInboundException)
        {
            return DuplicateReply.Instance;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(logger, e, inbound.Place.Platform, route?.Key ?? "(none)");
            return new MessageReply(Messages.Message.Text(
                "Sorry, something went wrong on our side and nothing was changed. Please try again in a minute; if it keeps happening, tell a coordinator."));
        }
    }

    private async Task<Reply> HandleAsync(RequestContext context, Route? route, CancellationToken ct)
    {
        if (route is null)
        {
            await context.SaveIfPendingAsync(ct);
            return await Reach.WaitingMemos.AnswerAsync(router, context, ct) ?? HelpFeature.Unknown(router, context.Inbound.Content, context);
        }

        if (JoinRequestForm.AskInstead(context, route) is { } join)
        {
            await context.SaveIfPendingAsync(ct);
            return join; // a stranger pressed a card's button: which organisation are they with?
        }

        if (route.Permission.Refusal(context, $"use `{route.Key}`") is { } refusal)
        {
            await context.SaveIfPendingAsync(ct);
            return new MessageReply(Messages.Message.Text(refusal));
        }

        var reply = await route.Handler(context, ct);
        await context.SaveIfPendingAsync(ct);
        return reply;
    }

    [LoggerMessage(EventId = LogEvents.InboundFailed, Level = LogLevel.Error, Message = "Handling an inbound item from {Platform} failed in route {Route}")]
    private static partial void LogFailed(ILogger logger, Exception exception, Platform platform, string route);
}
