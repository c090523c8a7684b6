namespace CoalitionBot.Core.Reach.Channels;

/// <summary>The platform could not say which channels there are just now (rate limit, network, missing scope).</summary>
public sealed class ChannelLookupException(string message, Exception? inner = null) : Exception(message, inner);
