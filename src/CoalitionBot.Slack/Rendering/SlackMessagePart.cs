using System.Text.Json.Nodes;

namespace CoalitionBot.Slack.Rendering;

/// <summary>One Slack message: the fallback <c>text</c> (escaped, ≤ 4,000) and its blocks (≤ 50).</summary>
public sealed record SlackMessagePart(string Text, JsonArray Blocks);
