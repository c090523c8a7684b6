using System.Collections.Concurrent;
using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Outbox;

namespace CoalitionBot.Tests.MultiInstance;

/// <summary>
/// One web-platform delivery channel shared by several host instances in a test, standing in for the chat
/// platform they all post to: it records every send it accepts, with a little latency so that the
/// instances' workers overlap.
/// </summary>
public sealed class SharedChannel : IDeliveryChannel
{
    private readonly ConcurrentQueue<OutboundMessage> _sent = new();

    public Platform Platform => Platform.Web;

    public IReadOnlyList<OutboundMessage> Sent => _sent.ToList();

    public async Task<DeliveryOutcome> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        await Task.Delay(2, cancellationToken); // a platform round trip, so claims from both instances interleave
        _sent.Enqueue(message);
        return new DeliverySent("msg-" + message.DeliveryId.ToString("N"), "dm:" + message.Target.UserId);
    }
}
