using System.Text.Json.Nodes;
using CsCheck;

namespace CoalitionBot.Testing.Fuzz;

/// <summary>
/// Generates malformed variants of a valid payload, the way the black-box fuzzing of issue #12 did: one value (at
/// any depth) replaced by a value of another JSON type, an out-of-range number, a lone surrogate, an empty or long
/// string, deep nesting; or the text truncated. Each variant is still sent validly signed: what is tested is what the
/// bot does with a verified request it cannot use.
/// </summary>
public static class MalformedJson
{
    private const string LoneSurrogateMarker = "__lone_surrogate__";
    private const string DeepMarker = "__deep__";
    private const int Depth = 300;

    private static readonly Func<JsonNode?>[] BadValues =
    [
        () => 5,
        () => -1,
        () => 99999999999999,
        () => 1e308,
        () => true,
        () => null,
        () => new JsonArray(),
        () => new JsonArray("x"),
        () => new JsonObject(),
        () => new JsonObject { ["value"] = new JsonArray(new JsonObject()) },
        () => LoneSurrogateMarker,
        () => string.Empty,
        () => new string('x', 5000),
        () => DeepMarker,
    ];

    /// <summary>Malformed JSON texts derived from <paramref name="template"/>.</summary>
    public static Gen<string> From(JsonObject template) =>
        Gen.Select(Gen.Int[0, int.MaxValue], Gen.Int[0, BadValues.Length - 1], Gen.Int[0, 5], Gen.Int[0, int.MaxValue],
            (path, bad, textMutation, at) => Mutate(template, path, bad, textMutation, at));

    private static string Mutate(JsonObject template, int path, int bad, int textMutation, int at)
    {
        var copy = (JsonObject)template.DeepClone();
        var slots = new List<(JsonNode Parent, object Key)>();
        Collect(copy, slots);
        if (slots.Count > 0)
        {
            var (parent, key) = slots[path % slots.Count];
            var value = BadValues[bad]();
            if (parent is JsonObject obj)
            {
                obj[(string)key] = value;
            }
            else
            {
                ((JsonArray)parent)[(int)key] = value;
            }
        }

        var text = copy.ToJsonString().Replace(LoneSurrogateMarker, "\\ud800x", StringComparison.Ordinal)
            .Replace($"\"{DeepMarker}\"", new string('[', Depth) + new string(']', Depth), StringComparison.Ordinal);
        return textMutation switch
        {
            0 => text[..(at % text.Length)], // truncated
            1 => text.Insert(at % text.Length, "\\udc00"), // a stray escape anywhere
            _ => text,
        };
    }

    private static void Collect(JsonNode node, List<(JsonNode Parent, object Key)> slots)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    slots.Add((obj, key));
                    if (child is not null)
                    {
                        Collect(child, slots);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    slots.Add((array, i));
                    if (array[i] is { } child)
                    {
                        Collect(child, slots);
                    }
                }

                break;
        }
    }
}
