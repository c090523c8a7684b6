namespace CoalitionBot.Core.Messages;

/// <summary>A short list of labelled values, shown side by side where the platform can.</summary>
public sealed record FieldsBlock(IReadOnlyList<Field> Fields) : Block;
