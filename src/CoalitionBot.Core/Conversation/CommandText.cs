namespace CoalitionBot.Core.Conversation;

/// <summary>Text typed by a person, without the slash command or mention: "sign M-12".</summary>
public sealed record CommandText(string Text) : InboundContent;
