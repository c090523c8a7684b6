using System.Reflection;
using System.Text.Json.Nodes;

namespace CoalitionBot.Slack.Installations;

/// <summary>The bot scopes of manifests/slack/manifest.json (embedded at build), so the install asks for exactly what the manifest declares.</summary>
internal static class SlackManifestScopes
{
    private static readonly Lazy<string> Scopes = new(Read);

    public static string Bot => Scopes.Value;

    private static string Read()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("CoalitionBot.Slack.manifest.json")
            ?? throw new InvalidOperationException("The Slack manifest is not embedded.");
        var manifest = JsonNode.Parse(stream) ?? throw new InvalidOperationException("The Slack manifest is empty.");
        return string.Join(',', manifest["oauth_config"]!["scopes"]!["bot"]!.AsArray().Select(s => (string)s!));
    }
}
