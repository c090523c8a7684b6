using CoalitionBot.Core.Dashboard;

namespace CoalitionBot.Dashboard;

/// <summary>
/// `GET /dashboard/memos/{code}/events`: Server-Sent Events. Sends `changed` when the memo's change stamp moves
/// (woken by <see cref="DashboardChanges"/>, or by a periodic check for changes made on other instances), and
/// `signedout` when the session stops being valid, so a removed coordinator's open page stops at once.
/// </summary>
internal static class LiveEndpoint
{
    /// <summary>How often the stream looks without being woken: changes from other instances and the outbox show up this late at most.</summary>
    public static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(5);

    public static void Map(RouteGroupBuilder pages) => pages.MapGet("/memos/{code}/events", Stream);

    private static async Task Stream(string code, HttpContext http, IServiceScopeFactory scopes, DashboardChanges changes, TimeProvider clock, IHostApplicationLifetime lifetime)
    {
        // Ends with the page, or when the host stops (an open stream must not hold up a shutdown).
        using var both = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
        var ct = both.Token;
        var user = DashboardAuth.User(http);
        var token = http.Request.Cookies[DashboardAuth.Cookie];
        http.Response.Headers.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        await http.Response.WriteAsync("retry: 5000\n\n", ct);
        await http.Response.Body.FlushAsync(ct);

        string? last = null;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var (valid, stamp) = await LookAsync(scopes, token, user.CoalitionId, code, ct);
                if (!valid)
                {
                    await http.Response.WriteAsync("event: signedout\ndata: {}\n\n", ct);
                    await http.Response.Body.FlushAsync(ct);
                    return;
                }

                if (last is not null && stamp != last)
                {
                    await http.Response.WriteAsync("event: changed\ndata: {}\n\n", ct);
                }
                else
                {
                    await http.Response.WriteAsync(": still here\n\n", ct); // keeps proxies from closing an idle stream
                }

                await http.Response.Body.FlushAsync(ct);
                last = stamp;
                await changes.WaitAsync(CheckEvery, clock, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // the page went away
        }
    }

    private static async Task<(bool Valid, string? Stamp)> LookAsync(IServiceScopeFactory scopes, string? token, Guid coalitionId, string code, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        if (await scope.ServiceProvider.GetRequiredService<DashboardSignIn>().AuthenticateAsync(token, ct) is null)
        {
            return (false, null);
        }

        return (true, await scope.ServiceProvider.GetRequiredService<MemoChangeQuery>().StampAsync(coalitionId, code, ct));
    }
}
