namespace CoalitionBot.Core.Messages;

/// <summary>A row of buttons.</summary>
public sealed record ButtonsBlock(IReadOnlyList<Button> Buttons) : Block;
