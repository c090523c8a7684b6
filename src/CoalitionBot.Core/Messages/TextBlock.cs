namespace CoalitionBot.Core.Messages;

/// <summary>
/// Plain text (never markup: renderers escape it). Line breaks are kept. <paramref name="Strong"/> renders it as a heading.
/// One convention: commands are written as `inline code`; Slack and the web channel (and the dashboard) show them as
/// code, while Teams cards and e-mail, which have no code spans, show the backticks themselves.
/// </summary>
public sealed record TextBlock(string Text, bool Strong = false) : Block;
