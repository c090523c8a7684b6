using System.Text.Json.Nodes;
using CoalitionBot.Testing.Teams;
using NJsonSchema;
using Xunit;

namespace CoalitionBot.Teams.Tests.Support;

/// <summary>The official schemas from ../shared/schemas, loaded once; tests skip when the folder is absent (unless CI requires it).</summary>
internal static class Schemas
{
    private static readonly Lazy<Task<JsonSchema?>> AdaptiveCard = new(() => LoadAsync("adaptive-card-1.5.schema.json"));
    private static readonly Lazy<Task<JsonSchema?>> TeamsManifest = new(() => LoadAsync("teams-manifest-1.25.schema.json"));

    public static async Task<JsonSchema> AdaptiveCardAsync() => await AdaptiveCard.Value ?? throw Skip();

    public static async Task<JsonSchema> TeamsManifestAsync() => await TeamsManifest.Value ?? throw Skip();

    /// <summary>Validates a card (without the Teams-only "msteams" properties the official schema does not know).</summary>
    public static async Task AssertValidCardAsync(JsonObject card)
    {
        var schema = await AdaptiveCardAsync();
        var copy = (JsonObject)card.DeepClone();
        StripMsTeams(copy);
        var errors = schema.Validate(copy.ToJsonString());
        Assert.True(errors.Count == 0, "Card does not validate: " + string.Join("; ", errors.Select(e => $"{e.Path}: {e.Kind}")));
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
        return folder is null ? null : await JsonSchema.FromFileAsync(Path.Combine(folder, file));
    }

    private static SkipException Skip()
    {
        SharedSchemas.Find(out var message);
        return new SkipException(message);
    }
}
