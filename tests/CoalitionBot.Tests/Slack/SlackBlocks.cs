using System.Net;
using System.Text.Json.Nodes;

namespace CoalitionBot.Tests.Slack;

/// <summary>Reads Block Kit the way a person sees it: the text of every block (entities decoded), facts and buttons.</summary>
internal static class SlackBlocks
{
    /// <summary>All visible text of the blocks, one line per text object, with Slack's &amp;amp; &amp;lt; &amp;gt; decoded.</summary>
    public static string Text(JsonNode? blocks) =>
        string.Join('\n', (blocks as JsonArray ?? []).OfType<JsonObject>().SelectMany(TextsOf).Select(t => WebUtility.HtmlDecode(t)));

    /// <summary>The value of a fields entry rendered as "*Label*\nvalue", or null.</summary>
    public static string? Fact(JsonNode? blocks, string label) =>
        (blocks as JsonArray ?? []).OfType<JsonObject>()
            .SelectMany(b => b["fields"] as JsonArray ?? [])
            .Select(f => WebUtility.HtmlDecode((string?)f?["text"] ?? string.Empty))
            .Where(t => t.StartsWith("*" + label + "*\n", StringComparison.Ordinal))
            .Select(t => t[(label.Length + 3)..])
            .FirstOrDefault();

    /// <summary>Every button element, in order.</summary>
    public static IEnumerable<JsonObject> Buttons(JsonNode? blocks) =>
        (blocks as JsonArray ?? []).OfType<JsonObject>()
            .Where(b => (string?)b["type"] == "actions")
            .SelectMany(b => b["elements"]!.AsArray().OfType<JsonObject>())
            .Where(e => (string?)e["type"] == "button");

    public static IEnumerable<string> ButtonLabels(JsonNode? blocks) => Buttons(blocks).Select(b => (string)b["text"]!["text"]!);

    private static IEnumerable<string> TextsOf(JsonObject block)
    {
        if (block["text"]?["text"] is JsonValue text)
        {
            yield return (string)text!;
        }

        foreach (var field in block["fields"] as JsonArray ?? [])
        {
            yield return (string)field!["text"]!;
        }

        foreach (var element in block["elements"] as JsonArray ?? [])
        {
            if (element?["text"] is JsonValue inner)
            {
                yield return (string)inner!;
            }
        }
    }
}
