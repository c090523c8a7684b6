namespace CoalitionBot.Testing.Teams;

/// <summary>Teams' per-conversation write limits (7/1 s, 8/2 s, 60/30 s, 1,800/1 h) measured on the simulator's clock.</summary>
internal sealed class ConversationThrottle(TimeProvider time)
{
    private static readonly (TimeSpan Window, int Limit)[] Limits =
    [
        (TimeSpan.FromSeconds(1), 7),
        (TimeSpan.FromSeconds(2), 8),
        (TimeSpan.FromSeconds(30), 60),
        (TimeSpan.FromHours(1), 1800),
    ];

    private readonly Dictionary<string, List<DateTimeOffset>> sends = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    /// <summary>Null when the write may go ahead (and counts it), else how long to wait.</summary>
    public TimeSpan? TryWrite(string conversationId)
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            if (!sends.TryGetValue(conversationId, out var log))
            {
                sends[conversationId] = log = [];
            }

            log.RemoveAll(t => now - t >= TimeSpan.FromHours(1));
            foreach (var (window, limit) in Limits)
            {
                var inWindow = log.Where(t => now - t < window).ToList();
                if (inWindow.Count >= limit)
                {
                    var wait = inWindow[inWindow.Count - limit] + window - now;
                    return wait > TimeSpan.Zero ? wait : TimeSpan.FromMilliseconds(1);
                }
            }

            log.Add(now);
            return null;
        }
    }
}
