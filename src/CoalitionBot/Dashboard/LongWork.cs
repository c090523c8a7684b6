using CoalitionBot.Core.Dashboard;
using CoalitionBot.Core.Replies;

namespace CoalitionBot.Dashboard;

/// <summary>
/// Compile and circulate can take a while with hundreds of organisations. While the action's request runs the chat
/// command (same pipeline, permission check and audit as chat), this tells the session's live pages how far it
/// got: compile, then each file made once (<see cref="FilePreparation"/>); circulate, then the memo cards as the
/// outbox sends them (<see cref="CirculationProgressQuery"/>, followed by the page's stream). The page only shows it.
/// </summary>
internal sealed class LongWork(DashboardWork hub, FilePreparation files, CirculationProgressQuery deliveries, TimeProvider clock)
{
    public static bool IsLong(string action) => action is "compile" or "circulate";

    public async Task<Reply> RunAsync(DashboardUser user, string code, string action, Func<Task<Reply>> command, CancellationToken ct)
    {
        var since = clock.GetUtcNow();
        Report(user, code, action == "compile" ? $"Compiling {code}: building the list…" : $"Circulating {code}: queueing the memo for every contact…");
        try
        {
            var reply = await command();
            if (action == "compile")
            {
                await FilesAsync(user, code, reply, ct);
            }
            else
            {
                await CirculationAsync(user, code, since, ct);
            }

            return reply;
        }
        catch
        {
            Report(user, code, "", finished: true);
            throw;
        }
    }

    private async Task FilesAsync(DashboardUser user, string code, Reply reply, CancellationToken ct)
    {
        var links = reply is MessageReply m ? FilePreparation.Links(m.Message) : [];
        if (links.Count == 0)
        {
            Report(user, code, "", finished: true); // refused: the answer says why
            return;
        }

        var made = await files.PrepareAsync(links, (ready, next) =>
            Report(user, code, $"Compiling {code}: preparing files, {ready} of {links.Count} ready (now: {next.Label})…", ready, links.Count), ct);
        var good = made.Count(f => f.Problem is null);
        Report(user, code, $"Compiled {code}: {good} of {made.Count} files ready — {string.Join(" · ", made.Select(f => f.Describe()))}.", good, made.Count, finished: true);
    }

    private async Task CirculationAsync(DashboardUser user, string code, DateTimeOffset since, CancellationToken ct)
    {
        var progress = await deliveries.LoadAsync(user.CoalitionId, code, since, ct);
        if (progress is not { Total: > 0 })
        {
            Report(user, code, "", finished: true); // refused, or nobody new to send to: the answer says so
            return;
        }

        hub.Report(user.SessionId, new WorkUpdate(code, progress.Describe(code), progress.Delivered + progress.Failed, progress.Total, progress.Settled, progress.Settled ? null : since));
    }

    private void Report(DashboardUser user, string code, string text, int done = 0, int total = 0, bool finished = false) =>
        hub.Report(user.SessionId, new WorkUpdate(code, text, done, total, finished));
}
