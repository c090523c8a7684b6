using System.Threading.Channels;

namespace CoalitionBot.Teams.Hosting;

/// <summary>The in-process queue between the HTTP endpoint (which must answer at once) and the worker that handles messages.</summary>
internal sealed class InboundQueue
{
    private readonly Channel<QueuedActivity> channel = Channel.CreateBounded<QueuedActivity>(new BoundedChannelOptions(1000)
    {
        FullMode = BoundedChannelFullMode.Wait,
        SingleReader = false,
    });

    /// <summary>False when the queue is full: the endpoint answers 503 and Bot Framework redelivers later.</summary>
    public bool TryEnqueue(QueuedActivity item) => channel.Writer.TryWrite(item);

    public IAsyncEnumerable<QueuedActivity> ReadAllAsync(CancellationToken cancellationToken) => channel.Reader.ReadAllAsync(cancellationToken);
}
