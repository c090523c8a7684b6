using System.Text.Json.Nodes;
using NJsonSchema;
using CoalitionBot.Testing.Support;
using Xunit.Abstractions;

namespace CoalitionBot.Slack.Tests;

public sealed class SlackManifestTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task ManifestJson_ValidAgainstSlacksSchema()
    {
        var schemaPath = Requirement.Shared("schemas/slack-manifest-1.0.0.schema.json", output);
        var schema = await JsonSchema.FromFileAsync(schemaPath);
        var manifest = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "manifests", "manifest.json"));

        var errors = schema.Validate(manifest);

        Assert.Empty(errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Manifest_DeclaresWhatTheCodeUses()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "manifests", "manifest.json")))!;
        var scopes = manifest["oauth_config"]!["scopes"]!["bot"]!.AsArray().Select(s => (string)s!).ToHashSet();
        var events = manifest["settings"]!["event_subscriptions"]!["bot_events"]!.AsArray().Select(s => (string)s!).ToHashSet();

        Assert.True((bool)manifest["settings"]!["socket_mode_enabled"]!);
        Assert.Equal("/memo", (string?)manifest["features"]!["slash_commands"]![0]!["command"]);
        Assert.Superset(new HashSet<string> { "commands", "chat:write", "im:write", "im:history", "app_mentions:read", "users:read", "users:read.email", "channels:read", "groups:read", "files:write" }, scopes);
        Assert.Equal(new HashSet<string> { "app_mention", "message.im", "app_home_opened", "app_uninstalled", "tokens_revoked" }, events);
        Assert.True((bool)manifest["features"]!["app_home"]!["home_tab_enabled"]!);
    }

    [Fact]
    public void ManifestYaml_SameScopesAsJson()
    {
        var yaml = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "manifests", "manifest.yaml"));
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "manifests", "manifest.json")))!;

        foreach (var scope in manifest["oauth_config"]!["scopes"]!["bot"]!.AsArray())
        {
            Assert.Contains("      - " + (string)scope! + "\n", yaml, StringComparison.Ordinal);
        }

        Assert.Contains("socket_mode_enabled: true", yaml, StringComparison.Ordinal);
    }
}
