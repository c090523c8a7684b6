using System.Text.Json.Nodes;

namespace CoalitionBot.Testing.Slack;

/// <summary>A message the simulator accepted (chat.postMessage / chat.update / chat.postEphemeral).</summary>
public sealed record SimulatedMessage(string Channel, string Ts, string? Text, JsonArray? Blocks, string? EphemeralUser = null);
