using System.Text.Json.Nodes;

namespace CoalitionBot.Testing.Slack;

/// <summary>A person in the simulated workspace.</summary>
public sealed record SimulatedUser(string Id, string Name, string? Email = null, string TimeZone = "Europe/Berlin", bool Deleted = false);

/// <summary>A conversation in the simulated workspace. Ids starting with D are DMs.</summary>
public sealed record SimulatedChannel(string Id, string Name, bool Archived = false);

/// <summary>One Web API call the bot made, with what the simulator answered.</summary>
public sealed record SimulatedApiCall(string Method, JsonObject Arguments, int Status, string? Error);

/// <summary>A message the simulator accepted (chat.postMessage / chat.update / chat.postEphemeral).</summary>
public sealed record SimulatedMessage(string Channel, string Ts, string? Text, JsonArray? Blocks, string? EphemeralUser = null);

/// <summary>What the bot answered to a delivery over HTTP.</summary>
public sealed record SimulatedHttpResponse(int Status, string Body, IReadOnlyDictionary<string, string> Headers)
{
    public JsonObject? Json => Body.Length == 0 ? null : JsonNode.Parse(Body) as JsonObject;
}
