using CoalitionBot.Core.Conversation;

namespace CoalitionBot.Core.Reach.Channels;

/// <summary>
/// Finds a channel by the name a coordinator typed (`circulate M-3 to #advocacy`), among the channels the bot may post
/// in on one platform: on Slack the workspace's channels (conversations.list), on Teams the channels of the teams the
/// bot was added to. Each adapter registers one.
/// </summary>
public interface IChannelFinder
{
    Platform Platform { get; }

    /// <summary>
    /// The channels of this workspace or tenant whose name is <paramref name="name"/> (without "#", compared without
    /// regard to case). Empty when there is none. Throws <see cref="ChannelLookupException"/> when the platform cannot
    /// answer now.
    /// </summary>
    Task<IReadOnlyList<FoundChannel>> FindByNameAsync(string tenantId, string name, CancellationToken cancellationToken);
}
