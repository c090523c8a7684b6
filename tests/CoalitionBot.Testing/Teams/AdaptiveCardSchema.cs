using System.Text.Json.Nodes;
using NJsonSchema;

namespace CoalitionBot.Testing.Teams;

/// <summary>
/// The official Adaptive Card 1.5 schema from ../shared/schemas, loaded once, for every test project that checks the
/// cards the bot sends. Teams-only "msteams" properties are stripped first: the official schema does not know them.
/// </summary>
public static class AdaptiveCardSchema
{
    private static readonly Lazy<Task<JsonSchema?>> Schema = new(() => LoadAsync("adaptive-card-1.5.schema.json"));

    /// <summary>The schema, or null when the shared folder is absent (callers skip; CI makes that a failure).</summary>
    public static Task<JsonSchema?> LoadAsync() => Schema.Value;

    /// <summary>The card's schema errors as "path: kind"; empty when it validates.</summary>
    public static IReadOnlyList<string> Errors(JsonSchema schema, JsonObject card)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(card);
        var copy = (JsonObject)card.DeepClone();
        StripMsTeams(copy);
        return schema.Validate(copy.ToJsonString()).Select(e => $"{e.Path}: {e.Kind}").ToList();
    }

    private static void StripMsTeams(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                obj.Remove("msteams");
                foreach (var (_, child) in obj.ToList())
                {
                    StripMsTeams(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    StripMsTeams(child);
                }

                break;
        }
    }

    private static async Task<JsonSchema?> LoadAsync(string file)
    {
        var folder = SharedSchemas.Find(out _);
        return folder is null ? null : await JsonSchema.FromFileAsync(Path.Combine(folder, file)).ConfigureAwait(false);
    }
}
