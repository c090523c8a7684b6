namespace CoalitionBot.Core.Messages;

/// <summary>Plain text (never markup: renderers escape it). Line breaks are kept. <paramref name="Strong"/> renders it as a heading.</summary>
public sealed record TextBlock(string Text, bool Strong = false) : Block;
