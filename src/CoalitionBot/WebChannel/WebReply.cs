namespace CoalitionBot.WebChannel;

/// <summary>What the browser gets back: the kind of reply and its HTML.</summary>
public sealed record WebReply(string Kind, string Html);
