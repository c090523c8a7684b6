namespace CoalitionBot.Testing.Teams;

/// <summary>
/// Teams' budget per app per tenant (PROTOCOLS.md: about 50 requests a second), a sliding window over every
/// connector request the service accepted, measured on the simulator's clock. A request beyond it is refused and
/// not counted.
/// </summary>
internal sealed class TenantThrottle(TimeProvider time, int perSecond)
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    private readonly Dictionary<string, Queue<DateTimeOffset>> requests = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock gate = new();
    private int refused;

    /// <summary>How many requests were refused with 429 for the tenant's budget.</summary>
    public int Refused => Volatile.Read(ref refused);

    /// <summary>Null when the request may go ahead (and counts it), else how long until the window has room.</summary>
    public TimeSpan? TryRequest(string tenant)
    {
        if (perSecond <= 0)
        {
            return null;
        }

        var now = time.GetUtcNow();
        lock (gate)
        {
            if (!requests.TryGetValue(tenant, out var log))
            {
                requests[tenant] = log = new Queue<DateTimeOffset>();
            }

            while (log.Count > 0 && now - log.Peek() >= Window)
            {
                log.Dequeue();
            }

            if (log.Count >= perSecond)
            {
                Interlocked.Increment(ref refused);
                var wait = log.Peek() + Window - now;
                return wait > TimeSpan.Zero ? wait : TimeSpan.FromMilliseconds(1);
            }

            log.Enqueue(now);
            return null;
        }
    }
}
