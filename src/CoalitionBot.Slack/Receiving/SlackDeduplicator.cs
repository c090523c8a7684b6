using System.Collections.Concurrent;

namespace CoalitionBot.Slack.Receiving;

/// <summary>
/// Remembers delivery ids (event_id, action ids) for a while so retries and redeliveries are dropped before
/// they reach the core. The core deduplicates durably as well; this one is per instance and in memory.
/// </summary>
internal sealed class SlackDeduplicator(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> seen = new(StringComparer.Ordinal);
    private int calls;

    /// <summary>Forgets a key, so a redelivery is handled (used when we could not take the item after claiming it).</summary>
    public void Release(string key) => seen.TryRemove(key, out _);

    /// <summary>True the first time a key is seen within <paramref name="window"/>; false for repeats.</summary>
    public bool TryClaim(string key, TimeSpan window)
    {
        var now = time.GetUtcNow();
        if (Interlocked.Increment(ref calls) % 512 == 0)
        {
            foreach (var (k, expiry) in seen)
            {
                if (expiry <= now)
                {
                    seen.TryRemove(KeyValuePair.Create(k, expiry));
                }
            }
        }

        while (true)
        {
            if (seen.TryAdd(key, now + window))
            {
                return true;
            }

            if (!seen.TryGetValue(key, out var existing))
            {
                continue;
            }

            if (existing > now)
            {
                return false;
            }

            if (seen.TryUpdate(key, now + window, existing))
            {
                return true;
            }
        }
    }
}
