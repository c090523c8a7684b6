namespace CoalitionBot.Core.Replies;

/// <summary>What the core answers to one inbound item. Adapters render it; they never change its meaning.</summary>
public abstract record Reply;
