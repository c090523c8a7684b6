namespace CoalitionBot.Core.Messages;

/// <summary>A label and a value, both plain text.</summary>
public sealed record Field(string Label, string Value);
