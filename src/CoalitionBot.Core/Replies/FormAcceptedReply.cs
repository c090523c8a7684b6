using CoalitionBot.Core.Messages;

namespace CoalitionBot.Core.Replies;

/// <summary>The submitted form was accepted: close it and show the confirmation.</summary>
public sealed record FormAcceptedReply(Message Confirmation) : Reply;
