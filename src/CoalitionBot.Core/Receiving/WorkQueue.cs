using System.Threading.Channels;
using CoalitionBot.Core.Conversation;

namespace CoalitionBot.Core.Receiving;

/// <summary>
/// One platform's work to do after the acknowledgement (handling, slow replies, uploads). Bounded so a flood cannot
/// eat the memory; <see cref="WorkQueueWorker"/> runs it with <see cref="Workers"/> at once.
/// </summary>
public sealed class WorkQueue(Platform platform, int capacity, int workers)
{
    private readonly Channel<Func<CancellationToken, Task>> channel =
        Channel.CreateBounded<Func<CancellationToken, Task>>(new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.Wait });

    public Platform Platform { get; } = platform;

    public int Workers { get; } = workers;

    /// <summary>False when the queue is full: answer the platform so it delivers again later.</summary>
    public bool TryEnqueue(Func<CancellationToken, Task> work) => channel.Writer.TryWrite(work);

    internal IAsyncEnumerable<Func<CancellationToken, Task>> ReadAllAsync(CancellationToken cancellationToken) => channel.Reader.ReadAllAsync(cancellationToken);
}
