using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace CoalitionBot.SignOnPage;

/// <summary>
/// Rate limits for the sign-on page, per IP address and per link (fixed one-minute windows): guessing tokens
/// from one address, or hammering one link from many, is refused with 429 before any look-up.
/// </summary>
public sealed class SignOnPageLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<HttpContext> _limiter;

    public SignOnPageLimiter(IOptions<SignOnPageOptions> options)
    {
        var o = options.Value;
        _limiter = PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<HttpContext, string>(http =>
                RateLimitPartition.GetFixedWindowLimiter("ip:" + http.Connection.RemoteIpAddress, _ => Window(o.PermitsPerAddressPerMinute))),
            PartitionedRateLimiter.Create<HttpContext, string>(http =>
                RateLimitPartition.GetFixedWindowLimiter("link:" + Token(http), _ => Window(o.PermitsPerLinkPerMinute))));
    }

    /// <summary>Takes one permit from both the address's and the link's window; false when either is used up.</summary>
    public bool TryAcquire(HttpContext http)
    {
        using var lease = _limiter.AttemptAcquire(http);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();

    private static string Token(HttpContext http) =>
        http.Request.RouteValues.TryGetValue("token", out var t) && t is string s ? s[..Math.Min(s.Length, 64)] : "";

    private static FixedWindowRateLimiterOptions Window(int permits) => new()
    {
        PermitLimit = permits,
        Window = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
