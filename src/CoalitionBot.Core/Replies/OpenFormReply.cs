using CoalitionBot.Core.Messages;

namespace CoalitionBot.Core.Replies;

/// <summary>Open a form (a Slack modal, a Teams dialog or card, an HTML form).</summary>
public sealed record OpenFormReply(Form Form) : Reply;
