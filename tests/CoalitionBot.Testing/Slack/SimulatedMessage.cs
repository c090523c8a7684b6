using System.Text.Json.Nodes;

namespace CoalitionBot.Testing.Slack;

/// <summary>
/// A message the simulator accepted (chat.postMessage / chat.update / chat.postEphemeral), or one a person posted
/// (<paramref name="Author"/>: their user id; null for the bot). <paramref name="Edit"/>: a chat.update of the message at <paramref name="Ts"/>.
/// </summary>
public sealed record SimulatedMessage(string Channel, string Ts, string? Text, JsonArray? Blocks, string? EphemeralUser = null, string? Author = null, bool Edit = false);
