namespace CoalitionBot.Core.Receiving;

/// <summary>What <see cref="InboundIntake.AcceptAsync"/> did with a delivery, so the adapter can answer its platform.</summary>
public enum IntakeOutcome
{
    /// <summary>Journaled and queued: acknowledge.</summary>
    Accepted,

    /// <summary>Seen recently: acknowledge without handling.</summary>
    Duplicate,

    /// <summary>Not journaled or the queue is full: ask the platform to deliver again (Slack 503, Bot Framework 503).</summary>
    Busy,
}
