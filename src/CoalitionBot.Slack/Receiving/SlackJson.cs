using System.Text.Json.Nodes;

namespace CoalitionBot.Slack.Receiving;

/// <summary>Lenient readers for Slack payloads: a missing or odd-typed property reads as null.</summary>
internal static class SlackJson
{
    public static string? Str(this JsonNode? node, string name) =>
        node is JsonObject obj && obj[name] is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;

    public static JsonObject? Obj(this JsonNode? node, string name) => node is JsonObject obj ? obj[name] as JsonObject : null;

    public static JsonArray? Arr(this JsonNode? node, string name) => node is JsonObject obj ? obj[name] as JsonArray : null;

    /// <summary>True only for a JSON <c>true</c>; a string "true" or any other type reads as false.</summary>
    public static bool IsTrue(this JsonNode? node, string name) =>
        node is JsonObject obj && obj[name] is JsonValue value && value.TryGetValue<bool>(out var b) && b;

    public static bool Has(this JsonNode? node, string name) => node is JsonObject obj && obj.ContainsKey(name) && obj[name] is not null;
}
