using System.Text.Json.Nodes;

namespace CoalitionBot.Testing.Slack;

/// <summary>What the bot answered to a delivery over HTTP.</summary>
public sealed record SimulatedHttpResponse(int Status, string Body, IReadOnlyDictionary<string, string> Headers)
{
    public JsonObject? Json => Body.Length == 0 ? null : JsonNode.Parse(Body) as JsonObject;
}
