using System.Threading.Channels;

namespace CoalitionBot.Slack.Receiving;

/// <summary>Work to do after the ack (events, slow replies). Bounded so a flood cannot eat the memory.</summary>
internal sealed class SlackWorkQueue
{
    private readonly Channel<Func<CancellationToken, Task>> channel =
        Channel.CreateBounded<Func<CancellationToken, Task>>(new BoundedChannelOptions(2000) { FullMode = BoundedChannelFullMode.Wait });

    /// <summary>False when the queue is full: answer Slack so it retries later.</summary>
    public bool TryEnqueue(Func<CancellationToken, Task> work) => channel.Writer.TryWrite(work);

    internal ChannelReader<Func<CancellationToken, Task>> Reader => channel.Reader;
}
