using CoalitionBot.Core.Conversation;

namespace CoalitionBot.Core.Outbox;

/// <summary>A platform's outbound client as the outbox sees it: one message at a time, never throwing for platform errors.</summary>
public interface IDeliveryChannel
{
    Platform Platform { get; }

    /// <summary>Sends one message. Platform and network failures come back as <see cref="DeliveryRetry"/> or <see cref="DeliveryFailed"/>.</summary>
    Task<DeliveryOutcome> SendAsync(OutboundMessage message, CancellationToken cancellationToken);
}
