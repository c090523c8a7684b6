using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CoalitionBot.Tests.Teams;

/// <summary>Reads Adaptive Cards the way a person looks at them: their text, their facts, their buttons and inputs.</summary>
internal static partial class TeamsCards
{
    public const string ActionKey = "cb.action";

    /// <summary>Every TextBlock, TextRun and toggle's title as a line, and each fact as "title: value".</summary>
    public static string Text(JsonObject card)
    {
        var lines = new List<string>();
        Walk(card, node =>
        {
            switch (node["type"]?.GetValue<string>())
            {
                case "TextBlock" or "TextRun":
                    lines.Add(Plain(node["text"]!.GetValue<string>()));
                    break;
                case "Input.Toggle":
                    lines.Add(node["title"]!.GetValue<string>());
                    break;
                case "FactSet":
                    lines.AddRange(node["facts"]!.AsArray().Select(f => Plain($"{f!["title"]}: {f["value"]}")));
                    break;
            }
        });
        return string.Join("\n", lines);
    }

    /// <summary>The value of the fact with this title.</summary>
    public static string? Fact(JsonObject card, string title)
    {
        string? found = null;
        Walk(card, node =>
        {
            if (node["type"]?.GetValue<string>() == "FactSet")
            {
                found ??= node["facts"]!.AsArray().FirstOrDefault(f => f!["title"]!.GetValue<string>() == title)?["value"]?.GetValue<string>() is { } value ? Plain(value) : null;
            }
        });
        return found;
    }

    /// <summary>The buttons: card actions and those in action sets.</summary>
    public static List<JsonObject> Actions(JsonObject card)
    {
        var actions = new List<JsonObject>();
        Walk(card, node =>
        {
            if (node["actions"] is JsonArray list)
            {
                actions.AddRange(list.OfType<JsonObject>());
            }
        });
        return actions;
    }

    public static List<string> InputIds(JsonObject card)
    {
        var ids = new List<string>();
        Walk(card, node =>
        {
            if (node["type"]?.GetValue<string>() is { } type && type.StartsWith("Input.", StringComparison.Ordinal))
            {
                ids.Add(node["id"]!.GetValue<string>());
            }
        });
        return ids;
    }

    /// <summary>What Teams shows for a TextBlock's Markdown: escapes removed, a paragraph break or a list's "\r" as one line break.</summary>
    public static string Plain(string markdown) => Escaped().Replace(markdown, "$1").Replace("\n\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    [GeneratedRegex(@"\\([\\*_\[\]()`~<>#|!+=.-])")]
    private static partial Regex Escaped();

    private static void Walk(JsonNode? node, Action<JsonObject> visit)
    {
        switch (node)
        {
            case JsonObject obj:
                visit(obj);
                foreach (var (key, child) in obj)
                {
                    if (key is not "fallback" and not "data")
                    {
                        Walk(child, visit);
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Walk(child, visit);
                }

                break;
        }
    }
}
