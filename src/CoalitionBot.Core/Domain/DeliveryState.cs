namespace CoalitionBot.Core.Domain;

/// <summary>Where an outbound message is in its life.</summary>
public enum DeliveryState
{
    Pending,
    Sent,
    Failed,
    Cancelled,
}
