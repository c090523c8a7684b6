namespace CoalitionBot.Core.Domain;

/// <summary>The key of an inbound item already handled; a unique key drops retries and double clicks.</summary>
public sealed class ProcessedInbound
{
    public required string Key { get; set; }

    public DateTimeOffset At { get; set; }
}
