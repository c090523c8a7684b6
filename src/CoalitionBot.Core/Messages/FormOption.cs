namespace CoalitionBot.Core.Messages;

/// <summary>One choice of a <see cref="FormFieldKind.Choice"/> field.</summary>
public sealed record FormOption(string Label, string Value);
