using System.Text.Json.Nodes;
using CoalitionBot.Testing.Teams;
using NJsonSchema;
using Xunit;

namespace CoalitionBot.Teams.Tests.Support;

/// <summary>The official schemas from ../shared/schemas, loaded once; tests skip when the folder is absent (unless CI requires it).</summary>
internal static class Schemas
{
    private static readonly Lazy<Task<JsonSchema?>> TeamsManifest = new(() => LoadAsync("teams-manifest-1.25.schema.json"));

    public static async Task<JsonSchema> AdaptiveCardAsync() => await AdaptiveCardSchema.LoadAsync() ?? throw Skip();

    public static async Task<JsonSchema> TeamsManifestAsync() => await TeamsManifest.Value ?? throw Skip();

    /// <summary>Validates a card (without the Teams-only "msteams" properties the official schema does not know).</summary>
    public static async Task AssertValidCardAsync(JsonObject card)
    {
        var schema = await AdaptiveCardAsync();
        var errors = AdaptiveCardSchema.Errors(schema, card);
        Assert.True(errors.Count == 0, "Card does not validate: " + string.Join("; ", errors));
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
