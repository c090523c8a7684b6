namespace CoalitionBot.Core.Conversation;

/// <summary>A button pressed on a card. <see cref="ActionId"/> is one of <see cref="Messages.ActionIds"/>; the value is usually a memo code.</summary>
public sealed record ButtonAction(string ActionId, string Value) : InboundContent;
