using CoalitionBot.Core.Conversation;

namespace CoalitionBot.Core.Receiving;

/// <summary>What identifies one inbound delivery to the receiver kit: the platform and its own delivery id (event_id, activity id, message id).</summary>
public readonly record struct DeliveryKey(Platform Platform, string DeliveryId)
{
    public override string ToString() => $"{Platform}:{DeliveryId}";
}
