using System.Collections.Concurrent;

namespace CoalitionBot.Core.Receiving;

/// <summary>
/// Remembers delivery keys for a while so platform retries, redeliveries and double clicks are dropped before they
/// reach the core. The core deduplicates durably as well; this one is per instance and in memory.
/// </summary>
public sealed class RecentDeliveries(TimeProvider time)
{
    private static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<DeliveryKey, DateTimeOffset> seen = new();
    private long nextSweepTicks;

    /// <summary>True the first time a key is offered within <paramref name="window"/>; false for repeats.</summary>
    public bool TryClaim(DeliveryKey key, TimeSpan window)
    {
        var now = time.GetUtcNow();
        Sweep(now);
        while (true)
        {
            if (seen.TryAdd(key, now + window))
            {
                return true;
            }

            if (!seen.TryGetValue(key, out var expiry))
            {
                continue;
            }

            if (expiry > now)
            {
                return false;
            }

            if (seen.TryUpdate(key, now + window, expiry))
            {
                return true;
            }
        }
    }

    /// <summary>Forgets a key whose item could not be taken, so the platform's redelivery is handled, not dropped.</summary>
    public void Release(DeliveryKey key) => seen.TryRemove(key, out _);

    private void Sweep(DateTimeOffset now)
    {
        var due = Interlocked.Read(ref nextSweepTicks);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref nextSweepTicks, (now + SweepEvery).UtcTicks, due) != due)
        {
            return;
        }

        foreach (var (key, expiry) in seen)
        {
            if (expiry <= now)
            {
                seen.TryRemove(KeyValuePair.Create(key, expiry));
            }
        }
    }
}
