namespace CoalitionBot.Storage;

/// <summary>
/// Log event ids of CoalitionBot.Storage: 2000–2999 (the ranges of all projects are listed in CoalitionBot.Core's
/// LogEvents; LogEventIdTests checks that no id is used twice). Outbox 2000s.
/// </summary>
internal static class LogEvents
{
    public const int SendThrew = 2001;
    public const int DeliveryFailed = 2002;
}
