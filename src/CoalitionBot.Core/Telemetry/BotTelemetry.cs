using System.Diagnostics;
using System.Diagnostics.Metrics;
using CoalitionBot.Core.Conversation;

namespace CoalitionBot.Core.Telemetry;

/// <summary>
/// The bot's traces and metrics, with System.Diagnostics only (the host wires an OpenTelemetry SDK to the
/// <see cref="Name"/> source and meter; without one, nothing is recorded). One instance per host: its meter comes
/// from the host's <see cref="IMeterFactory"/>, so tests listen to their own host alone. Tags carry platform,
/// kind, reason, outcome and ids — never a secret and never user text. Names are listed in docs/operations.md.
/// </summary>
public sealed class BotTelemetry : IDisposable
{
    /// <summary>The ActivitySource and Meter name to subscribe to.</summary>
    public const string Name = "CoalitionBot";

    private readonly bool ownsMeter;
    private readonly Histogram<double> ackDuration;
    private readonly Counter<long> rejected;
    private readonly Counter<long> sends;
    private readonly Histogram<double> sweepDuration;
    private long outboxDepth;

    public BotTelemetry(IMeterFactory? meters = null)
    {
        ownsMeter = meters is null;
        Meter = meters?.Create(Name) ?? new Meter(Name);
        ackDuration = Meter.CreateHistogram<double>("coalitionbot.ack.duration", "s", "Time from a delivery's arrival to our acknowledgement, by platform and kind.");
        rejected = Meter.CreateCounter<long>("coalitionbot.inbound.rejected", "{request}", "Inbound requests refused before handling, by platform and reason.");
        sends = Meter.CreateCounter<long>("coalitionbot.outbox.sends", "{delivery}", "Outbox send attempts, by platform and outcome (sent, retry, failed, route_failed).");
        sweepDuration = Meter.CreateHistogram<double>("coalitionbot.reminders.sweep.duration", "s", "Duration of one reminder sweep.");
        Meter.CreateObservableGauge("coalitionbot.outbox.depth", () => Interlocked.Read(ref outboxDepth), "{delivery}", "Deliveries waiting in the outbox, as last counted by the outbox worker.");
    }

    /// <summary>Traces: one activity per inbound item (receive, handle, reply) and per outbox send.</summary>
    public ActivitySource Source { get; } = new(Name);

    public Meter Meter { get; }

    /// <summary>Starts an activity (null when nobody listens); <paramref name="parent"/> links work that continues on another thread.</summary>
    public Activity? Start(string name, Platform platform, ActivityKind kind = ActivityKind.Internal, ActivityContext parent = default) =>
        Source.StartActivity(name, kind, parent)?.SetTag(TelemetryTags.Platform, PlatformTag(platform));

    public void Acknowledged(Platform platform, string kind, TimeSpan elapsed) =>
        ackDuration.Record(elapsed.TotalSeconds, new(TelemetryTags.Platform, PlatformTag(platform)), new(TelemetryTags.Kind, kind));

    /// <summary>A request refused before handling; <paramref name="reason"/> is one of a few fixed words (unverified, malformed, too_large, …).</summary>
    public void Rejected(Platform platform, string reason)
    {
        rejected.Add(1, new(TelemetryTags.Platform, PlatformTag(platform)), new(TelemetryTags.Reason, reason));
        Activity.Current?.SetTag(TelemetryTags.Reason, reason);
    }

    public void Sent(Platform platform, string outcome) =>
        sends.Add(1, new(TelemetryTags.Platform, PlatformTag(platform)), new(TelemetryTags.Outcome, outcome));

    public void OutboxDepth(long waiting) => Interlocked.Exchange(ref outboxDepth, waiting);

    public void Swept(TimeSpan elapsed) => sweepDuration.Record(elapsed.TotalSeconds);

    public static string PlatformTag(Platform platform) => platform.ToString().ToLowerInvariant();

    public void Dispose()
    {
        Source.Dispose();
        if (ownsMeter)
        {
            Meter.Dispose();
        }
    }
}
