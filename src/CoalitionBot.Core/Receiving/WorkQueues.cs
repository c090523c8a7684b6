using CoalitionBot.Core.Conversation;

namespace CoalitionBot.Core.Receiving;

/// <summary>The work queue of each platform that registered one (<see cref="ReceivingServiceCollectionExtensions.AddWorkQueue"/>).</summary>
public sealed class WorkQueues(IEnumerable<WorkQueue> queues)
{
    private readonly Dictionary<Platform, WorkQueue> byPlatform = queues.ToDictionary(q => q.Platform);

    public WorkQueue this[Platform platform] =>
        byPlatform.TryGetValue(platform, out var queue) ? queue : throw new InvalidOperationException($"No work queue is registered for {platform}.");
}
