using CoalitionBot.Core.Messages;

namespace CoalitionBot.Core.Replies;

/// <summary>Answer with a message, to the sender only (<paramref name="Public"/> false) or to the whole conversation.</summary>
public sealed record MessageReply(Message Message, bool Public = false) : Reply;
