using System.Collections.Concurrent;
using System.Threading.Channels;

namespace CoalitionBot.Dashboard;

/// <summary>
/// Carries progress of long dashboard actions from the request doing the work to the live streams of the same
/// session's pages. In-process: on several instances a page whose stream is served elsewhere shows only the result
/// (which always comes back with the action's own response).
/// </summary>
internal sealed class DashboardWork
{
    private readonly ConcurrentDictionary<Channel<WorkUpdate>, Guid> _listeners = new();

    public WorkListener Listen(Guid sessionId)
    {
        // A slow page loses old steps, never the newest one.
        var channel = Channel.CreateBounded<WorkUpdate>(new BoundedChannelOptions(32) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        _listeners[channel] = sessionId;
        return new WorkListener(channel.Reader, () => _listeners.TryRemove(channel, out _));
    }

    public void Report(Guid sessionId, WorkUpdate update)
    {
        foreach (var (channel, session) in _listeners)
        {
            if (session == sessionId)
            {
                channel.Writer.TryWrite(update);
            }
        }
    }
}
