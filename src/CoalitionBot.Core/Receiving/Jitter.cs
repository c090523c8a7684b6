namespace CoalitionBot.Core.Receiving;

/// <summary>Spreads retry delays so many clients that failed together do not come back together.</summary>
public static class Jitter
{
    /// <summary><paramref name="delay"/> times a random factor in [0.8, 1.2): ±20 %.</summary>
    public static TimeSpan Spread(TimeSpan delay) => delay * (0.8 + (Random.Shared.NextDouble() * 0.4));
}
