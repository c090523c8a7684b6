using System.Collections.Concurrent;
using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Outbox;

namespace CoalitionBot.Testing.Conversation;

/// <summary>A delivery channel that keeps what it was asked to send, and can be told to fail for a user.</summary>
public sealed class RecordingChannel(Platform platform) : IDeliveryChannel
{
    private readonly ConcurrentQueue<OutboundMessage> _sent = new();
    private readonly ConcurrentDictionary<string, DeliveryOutcome> _failures = new();
    private int _next;

    public Platform Platform { get; } = platform;

    public IReadOnlyList<OutboundMessage> Sent => _sent.ToList();

    /// <summary>From now on, sends to this user id answer with <paramref name="outcome"/>.</summary>
    public void FailFor(string userId, DeliveryOutcome outcome) => _failures[userId] = outcome;

    public Task<DeliveryOutcome> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        if (_failures.TryGetValue(message.Target.UserId, out var failure))
        {
            return Task.FromResult(failure);
        }

        _sent.Enqueue(message);
        return Task.FromResult<DeliveryOutcome>(new DeliverySent("msg-" + Interlocked.Increment(ref _next), message.Target.ConversationId ?? "dm:" + message.Target.UserId));
    }
}
