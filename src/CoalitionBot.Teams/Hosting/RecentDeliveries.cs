using System.Collections.Concurrent;

namespace CoalitionBot.Teams.Hosting;

/// <summary>
/// Activity ids seen in the last hour, so a redelivered activity is acknowledged without being handled twice.
/// The core deduplicates durably too; this keeps retries from even reaching it.
/// </summary>
internal sealed class RecentDeliveries(TimeProvider time)
{
    private static readonly TimeSpan Keep = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<string, DateTimeOffset> seen = new(StringComparer.Ordinal);
    private DateTimeOffset nextSweep = DateTimeOffset.MinValue;

    /// <summary>True the first time an id is offered; false for a repeat within the hour.</summary>
    public bool TryAdd(string deliveryId)
    {
        var now = time.GetUtcNow();
        if (now >= nextSweep)
        {
            nextSweep = now.AddMinutes(5);
            foreach (var (id, at) in seen)
            {
                if (now - at > Keep)
                {
                    seen.TryRemove(id, out _);
                }
            }
        }

        return seen.TryAdd(deliveryId, now);
    }

    /// <summary>Forgets an id whose item could not be taken, so the platform's redelivery is handled.</summary>
    public void Forget(string deliveryId) => seen.TryRemove(deliveryId, out _);
}
