namespace CoalitionBot.Storage;

/// <summary>A proactive message delivered to a person on the local web channel: their inbox, read by the browser.</summary>
public sealed class WebInboxMessage
{
    public long Id { get; set; }

    public Guid ContactId { get; set; }

    public Guid DeliveryId { get; set; }

    /// <summary>The neutral message as JSON.</summary>
    public required string Payload { get; set; }

    public DateTimeOffset At { get; set; }
}
