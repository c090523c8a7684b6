using System.Collections.Concurrent;
using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Outbox;

namespace CoalitionBot.Testing.Conversation;

/// <summary>
/// A delivery channel that keeps what it was asked to send, and can be told to fail for a user. Like a chat, an update
/// (<see cref="OutboundMessage.ReplacesPlatformMessageId"/>) changes the message it replaces where it is, and is refused
/// when that message was never sent here.
/// </summary>
public sealed class RecordingChannel(Platform platform) : IDeliveryChannel
{
    private readonly List<(string Id, OutboundMessage Message)> _sent = [];
    private readonly List<OutboundMessage> _updates = [];
    private readonly List<OutboundMessage> _delivered = [];
    private readonly ConcurrentDictionary<string, DeliveryOutcome> _failures = new();
    private int _next;

    public Platform Platform { get; } = platform;

    /// <summary>Every message sent, oldest first, each as it is now (updates applied in place).</summary>
    public IReadOnlyList<OutboundMessage> Sent
    {
        get
        {
            lock (_sent)
            {
                return _sent.Select(s => s.Message).ToList();
            }
        }
    }

    /// <summary>Every message sent, oldest first, as it first arrived (before any update).</summary>
    public IReadOnlyList<OutboundMessage> Delivered
    {
        get
        {
            lock (_sent)
            {
                return [.. _delivered];
            }
        }
    }

    /// <summary>Every update applied, in the order they came.</summary>
    public IReadOnlyList<OutboundMessage> Updates
    {
        get
        {
            lock (_sent)
            {
                return [.. _updates];
            }
        }
    }

    /// <summary>From now on, sends to this user id answer with <paramref name="outcome"/>.</summary>
    public void FailFor(string userId, DeliveryOutcome outcome) => _failures[userId] = outcome;

    /// <summary>Sends to this user id go through again.</summary>
    public void RecoverFor(string userId) => _failures.TryRemove(userId, out _);

    public Task<DeliveryOutcome> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        if (_failures.TryGetValue(message.Target.UserId, out var failure))
        {
            return Task.FromResult(failure);
        }

        var conversation = message.Target.ConversationId ?? "dm:" + message.Target.UserId;
        lock (_sent)
        {
            if (message.ReplacesPlatformMessageId is { } replaces)
            {
                var at = _sent.FindIndex(s => s.Id == replaces);
                if (at < 0)
                {
                    return Task.FromResult<DeliveryOutcome>(new DeliveryFailed("message_not_found", RecipientUnreachable: false));
                }

                _sent[at] = (replaces, message with { DeliveryId = _sent[at].Message.DeliveryId, ReplacesPlatformMessageId = null });
                _updates.Add(message);
                return Task.FromResult<DeliveryOutcome>(new DeliverySent(replaces, conversation));
            }

            var id = "msg-" + Interlocked.Increment(ref _next);
            _sent.Add((id, message));
            _delivered.Add(message);
            return Task.FromResult<DeliveryOutcome>(new DeliverySent(id, conversation));
        }
    }
}
