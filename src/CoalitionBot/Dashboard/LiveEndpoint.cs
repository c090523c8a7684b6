using System.Text.Json;
using CoalitionBot.Core.Dashboard;

namespace CoalitionBot.Dashboard;

/// <summary>
/// `GET /dashboard/memos/{code}/events`: Server-Sent Events. Sends `changed` when the memo's change stamp moves
/// (woken by <see cref="DashboardChanges"/>, or by a periodic check for changes made on other instances), and
/// `signedout` when the session stops being valid, so a removed coordinator's open page stops at once; `progress`
/// for long work this session started (<see cref="LongWork"/>), and then for a circulation's memo cards until none
/// is being sent.
/// </summary>
internal static class LiveEndpoint
{
    /// <summary>How often the stream looks without being woken: changes from other instances and the outbox show up this late at most.</summary>
    public static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(5);

    public static void Map(RouteGroupBuilder pages) => pages.MapGet("/memos/{code}/events", Stream);

    private static async Task Stream(string code, HttpContext http, IServiceScopeFactory scopes, DashboardChanges changes, DashboardWork work, TimeProvider clock, IHostApplicationLifetime lifetime)
    {
        // Ends with the page, or when the host stops (an open stream must not hold up a shutdown).
        using var both = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
        var ct = both.Token;
        var user = DashboardAuth.User(http);
        var token = http.Request.Cookies[DashboardAuth.Cookie];
        using var steps = work.Listen(user.SessionId); // before the first byte, so work started once the page sees the stream open is not missed
        http.Response.Headers.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        await http.Response.WriteAsync("retry: 5000\n\n", ct);
        await http.Response.Body.FlushAsync(ct);

        string? last = null;
        DateTimeOffset? following = null; // a circulation whose memo cards are still being sent
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var (valid, stamp, sending) = await LookAsync(scopes, token, user.CoalitionId, code, following, ct);
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

                if (sending is not null)
                {
                    await WriteAsync(http, new WorkUpdate(code, sending.Describe(code), sending.Delivered + sending.Failed, sending.Total, sending.Settled), ct);
                    following = sending.Settled ? null : following;
                }

                await http.Response.Body.FlushAsync(ct);
                last = stamp;
                await changes.WaitAsync(CheckEvery, clock, ct, t => steps.Reader.WaitToReadAsync(t).AsTask());
                while (steps.Reader.TryRead(out var step))
                {
                    if (step.MemoCode == code)
                    {
                        await WriteAsync(http, step, ct);
                        following = step.DeliveriesSince ?? following;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // the page went away
        }
    }

    /// <summary>`event: progress` with the step as JSON; the page shows its text and a progress bar.</summary>
    private static Task WriteAsync(HttpContext http, WorkUpdate step, CancellationToken ct) =>
        http.Response.WriteAsync("event: progress\ndata: " + JsonSerializer.Serialize(new { text = step.Text, done = step.Done, total = step.Total, finished = step.Finished }) + "\n\n", ct);

    private static async Task<(bool Valid, string? Stamp, CirculationProgress? Sending)> LookAsync(
        IServiceScopeFactory scopes, string? token, Guid coalitionId, string code, DateTimeOffset? following, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        if (await scope.ServiceProvider.GetRequiredService<DashboardSignIn>().AuthenticateAsync(token, ct) is null)
        {
            return (false, null, null);
        }

        var stamp = await scope.ServiceProvider.GetRequiredService<MemoChangeQuery>().StampAsync(coalitionId, code, ct);
        var sending = following is { } since ? await scope.ServiceProvider.GetRequiredService<CirculationProgressQuery>().LoadAsync(coalitionId, code, since, ct) : null;
        return (true, stamp, sending);
    }
}
