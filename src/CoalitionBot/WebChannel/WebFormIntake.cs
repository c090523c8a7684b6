using System.Text.Json;
using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Features;
using CoalitionBot.Core.Messages;
using CoalitionBot.Core.Receiving;
using CoalitionBot.Core.Replies;
using CoalitionBot.Core.Outbox;
using Microsoft.Extensions.Options;

namespace CoalitionBot.WebChannel;

/// <summary>
/// The web channel's sign-on submissions acknowledged before they are handled (<see cref="SignOnFields.MayAckFirst"/>):
/// journaled with the send request, answered with the handler's reply when it comes within
/// <see cref="WebChannelOptions.JournaledFormWait"/>, else with "received"; a reply that comes later goes to the
/// person's inbox, which the browser polls. The web channel's <see cref="IJournalReplay"/> after a crash.
/// </summary>
public sealed partial class WebFormIntake(FormIntake forms, WebDeliveryChannel inbox, IOptionsMonitor<WebChannelOptions> options, ILogger<WebFormIntake> log) : IJournalReplay
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Platform Platform => Platform.Web;

    /// <summary>
    /// Journals and queues the submission; the reply to give the browser (null: it was not journaled, handle it inline).
    /// </summary>
    internal async Task<Reply?> AcceptAsync(WebSendRequest request, Inbound inbound, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.Serialize(request with { Id = inbound.DeliveryId }, Json);
        var (outcome, reply) = await forms.AcceptAsync(inbound, payload, options.CurrentValue.JournaledFormWait, (r, ct) => ToInboxAsync(inbound, r, ct), cancellationToken);
        return outcome switch
        {
            IntakeOutcome.Busy => null,
            IntakeOutcome.Duplicate => DuplicateReply.Instance,
            _ => reply ?? new ReceivedReply(Received(((FormSubmission)inbound.Content).Context)),
        };
    }

    public HandleDelivery? Replay(JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        try
        {
            return JsonSerializer.Deserialize<WebSendRequest>(entry.Payload, Json) is { } request && WebChannelEndpoints.ToInbound(request) is { } inbound
                ? forms.Replay(inbound, (r, ct) => ToInboxAsync(inbound, r, ct))
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>What the browser shows at once when the sign-on is journaled but not yet applied.</summary>
    internal static Message Received(string context)
    {
        var code = context.Split('|', 2)[0];
        return Message.Text($"Received: your sign-on to {code} is being recorded. The confirmation will appear here in a moment.");
    }

    /// <summary>The reply of a submission the browser stopped waiting for, as a message in the person's inbox.</summary>
    private async Task ToInboxAsync(Inbound inbound, Reply reply, CancellationToken cancellationToken)
    {
        var message = reply switch
        {
            FormAcceptedReply accepted => accepted.Confirmation,
            MessageReply m => m.Message,
            FormErrorsReply errors => Message.Text($"“{errors.Form.Title}” was not saved:\n" + string.Join('\n', errors.Errors.Select(e => $"{errors.Form.Fields.FirstOrDefault(f => f.Id == e.Key)?.Label ?? e.Key}: {e.Value}"))),
            _ => null,
        };
        // Through the inbox writer the outbox uses, keyed by the submission: a replay after a crash writes it once.
        var id = new Guid(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("web-form-reply:" + inbound.DeliveryId))[..16]);
        var target = new DeliveryTarget(Platform.Web, WebChannelEndpoints.Tenant, inbound.Actor.Identity.UserId, null, null);
        if (message is null || await inbox.SendAsync(new OutboundMessage(id, target, message), cancellationToken) is not DeliverySent)
        {
            LogNoInbox(log, inbound.DeliveryId);
        }
    }

    [LoggerMessage(EventId = LogEvents.NoInboxForReply, Level = LogLevel.Warning, Message = "The answer to web channel submission {DeliveryId} has no inbox to go to")]
    private static partial void LogNoInbox(ILogger logger, string deliveryId);
}
