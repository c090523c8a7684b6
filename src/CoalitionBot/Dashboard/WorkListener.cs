using System.Threading.Channels;

namespace CoalitionBot.Dashboard;

/// <summary>One live stream's subscription to its session's <see cref="WorkUpdate"/>s; disposing it unsubscribes.</summary>
internal sealed class WorkListener(ChannelReader<WorkUpdate> reader, Action unsubscribe) : IDisposable
{
    public ChannelReader<WorkUpdate> Reader { get; } = reader;

    public void Dispose() => unsubscribe();
}
