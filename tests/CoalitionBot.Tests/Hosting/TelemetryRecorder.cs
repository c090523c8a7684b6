using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using CoalitionBot.Core.Telemetry;

namespace CoalitionBot.Tests.Hosting;

/// <summary>
/// Listens to one host's <see cref="BotTelemetry"/> only (its own ActivitySource and Meter instances), so tests
/// running in parallel never see each other's activities or measurements.
/// </summary>
internal sealed class TelemetryRecorder : IDisposable
{
    private readonly ActivityListener activities;
    private readonly MeterListener meters = new();
    private readonly ConcurrentQueue<Activity> stopped = new();
    private readonly ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)> measurements = new();
    private readonly SemaphoreSlim changed = new(0);

    public TelemetryRecorder(BotTelemetry telemetry)
    {
        activities = new ActivityListener
        {
            ShouldListenTo = source => ReferenceEquals(source, telemetry.Source),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                stopped.Enqueue(activity);
                changed.Release();
            },
        };
        ActivitySource.AddActivityListener(activities);
        meters.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, telemetry.Meter))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        meters.SetMeasurementEventCallback<double>((i, v, tags, _) => Add(i, v, tags));
        meters.SetMeasurementEventCallback<long>((i, v, tags, _) => Add(i, v, tags));
        meters.Start();
    }

    public IReadOnlyList<Activity> Activities => [.. stopped];

    /// <summary>Measurements of <paramref name="instrument"/> (observable ones after <see cref="Observe"/>).</summary>
    public IReadOnlyList<(double Value, Dictionary<string, object?> Tags)> Of(string instrument) =>
        measurements.Where(m => m.Instrument == instrument).Select(m => (m.Value, m.Tags)).ToList();

    public void Observe() => meters.RecordObservableInstruments();

    /// <summary>Waits (bounded) until an activity matching <paramref name="match"/> has stopped; the reply runs just after the platform saw it.</summary>
    public async Task<Activity> StoppedAsync(Func<Activity, bool> match)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            if (stopped.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            try
            {
                await changed.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                var seen = string.Join(", ", stopped.Select(a => a.OperationName + "[" + string.Join(' ', a.Tags.Select(t => t.Key + "=" + t.Value)) + "]"));
                throw new TimeoutException("No such activity stopped within 30 s; stopped: " + seen);
            }
        }
    }

    public void Dispose()
    {
        activities.Dispose();
        meters.Dispose();
        changed.Dispose();
    }

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        measurements.Enqueue((instrument.Name, value, copy));
    }
}
