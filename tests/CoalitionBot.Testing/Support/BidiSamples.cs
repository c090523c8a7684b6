using System.Text.Json.Nodes;
using CoalitionBot.Core.Messages;
using Xunit;

namespace CoalitionBot.Testing.Support;

/// <summary>
/// User text with an unclosed U+202E RIGHT-TO-LEFT OVERRIDE, as issue #12 found it, and the check every rendering
/// must pass: no override survives, so nothing after the name is shown reversed.
/// </summary>
public static class BidiSamples
{
    public const string Override = "\u202E";

    /// <summary>An organisation name whose override would reverse everything after it on the line.</summary>
    public const string HostileName = "Evil" + Override + " Org";

    /// <summary>What the name shows as once its unmatched override is dropped.</summary>
    public const string ShownName = "Evil Org";

    /// <summary>A chat message with the name in a text block, a field value and the summary, our text after it.</summary>
    public static Message Message() => new($"{HostileName} signed M-1",
    [
        new TextBlock($"Noted: {HostileName} declines M-1. You won't get reminders for it."),
        new FieldsBlock([new Field("Organisation", HostileName), new Field("Deadline", "20 Nov")]),
    ]);

    /// <summary>Asserts a rendering carries no override (raw or as an HTML/JSON escape) and still shows the name and what follows it.</summary>
    public static void AssertContained(string rendered, string after = "declines M-1", string shown = ShownName)
    {
        Assert.DoesNotContain(Override, rendered, StringComparison.Ordinal);
        Assert.DoesNotContain("&#x202E;", rendered, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\\u202E", rendered, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(shown, rendered, StringComparison.Ordinal);
        Assert.Contains(after, rendered, StringComparison.Ordinal);
    }

    /// <summary>Every string value in a JSON tree, one per line (what a client would show, unescaped).</summary>
    public static string Strings(JsonNode? node) => node switch
    {
        JsonObject o => string.Join('\n', o.Select(p => Strings(p.Value))),
        JsonArray a => string.Join('\n', a.Select(Strings)),
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => string.Empty,
    };
}
