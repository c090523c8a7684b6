using CoalitionBot.Core.Messages;
using CoalitionBot.Core.Replies;

namespace CoalitionBot.WebChannel;

/// <summary>The web channel's answer to a sign-on journaled but not yet applied: the form closes, the confirmation follows.</summary>
internal sealed record ReceivedReply(Message Message) : Reply;
