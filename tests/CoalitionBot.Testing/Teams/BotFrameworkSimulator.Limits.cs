using Microsoft.AspNetCore.Http;

namespace CoalitionBot.Testing.Teams;

/// <summary>
/// The connector's budget per app per tenant (PROTOCOLS.md: about 50 requests a second), on top of each
/// conversation's limits: every authorised connector request counts, reads as well as writes, and one beyond the
/// budget gets 429 Throttled with Retry-After.
/// </summary>
public sealed partial class BotFrameworkSimulator
{
    private int conversationRefused;

    /// <summary>How many connector requests were refused with 429 for the tenant's budget.</summary>
    public int TenantThrottled => tenantThrottle.Refused;

    /// <summary>Every 429 the connector answered for a limit (the tenant's or a conversation's), injected failures aside.</summary>
    public int Throttled => tenantThrottle.Refused + Volatile.Read(ref conversationRefused);

    private async ValueTask<object?> TenantBudget(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        // Unauthorised requests are answered 401 by the route and do not reach the budget.
        if (Authorised(invocation.HttpContext) && tenantThrottle.TryRequest(Options.TenantId) is { } wait)
        {
            return ConnectorError(429, "Throttled", "Too many requests for this tenant.", wait);
        }

        return await next(invocation).ConfigureAwait(false);
    }

    private TimeSpan? ConversationThrottled(string conversationId)
    {
        var wait = throttle.TryWrite(conversationId);
        if (wait is not null)
        {
            Interlocked.Increment(ref conversationRefused);
        }

        return wait;
    }
}
