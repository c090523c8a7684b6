using CoalitionBot.Core.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CoalitionBot.Tests.Docs;

/// <summary>Keeps the documentation true as commands and settings change.</summary>
public sealed class DocumentationTests
{
    private static readonly string Root = FindRoot();

    [Fact]
    public async Task CommandReference_MentionsEveryCommand()
    {
        await using var factory = new BotFactory();
        var router = factory.Services.GetRequiredService<Router>();
        var reference = await File.ReadAllTextAsync(Path.Combine(Root, "docs", "commands.md"));
        var missing = router.Commands.Where(r => !reference.Contains("`" + r.Key, StringComparison.Ordinal)).Select(r => r.Key).ToList();
        Assert.True(missing.Count == 0, "docs/commands.md does not mention: " + string.Join(", ", missing));
    }

    [Theory]
    [InlineData("Storage", "Provider")]
    [InlineData("Storage", "ConnectionString")]
    [InlineData("WebChannel", "Enabled")]
    [InlineData("WebChannel", "Demo")]
    [InlineData("Coalition", "Coordinators")]
    [InlineData("Outbox", "Parallelism")]
    [InlineData("Telemetry", "Otlp")]
    [InlineData("Telemetry", "Console")]
    [InlineData("Slack", "BotToken")]
    [InlineData("Slack", "SigningSecret")]
    [InlineData("Slack", "AppToken")]
    [InlineData("Slack", "ApiBaseUrl")]
    [InlineData("Teams", "AppId")]
    [InlineData("Teams", "AppPassword")]
    [InlineData("Teams", "TenantId")]
    [InlineData("Teams", "OpenIdMetadataUrl")]
    [InlineData("Downloads", "SigningKey")]
    [InlineData("Reminders", "SweepInterval")]
    [InlineData("Email", "From")]
    [InlineData("Email", "PickupDirectory")]
    [InlineData("Email", "UnsubscribeAddress")]
    [InlineData("Email", "Smtp")]
    [InlineData("SignOnPage", "PermitsPerLinkPerMinute")]
    [InlineData("SignOnPage", "PermitsPerAddressPerMinute")]
    [InlineData("Receiving", "RecoverAfter")]
    [InlineData("Receiving", "RecoveryInterval")]
    public async Task ExampleSettings_DocumentEveryKey(string section, string key)
    {
        var example = await File.ReadAllTextAsync(Path.Combine(Root, "appsettings.example.json"));
        using var json = System.Text.Json.JsonDocument.Parse(example, new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip });
        Assert.True(json.RootElement.GetProperty(section).TryGetProperty(key, out _), $"appsettings.example.json lacks {section}:{key}");
    }

    [Fact]
    public async Task Readme_ShowsTheTwoCommands()
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(Root, "README.md"));
        Assert.Contains("dotnet run --project src/CoalitionBot", readme);
        Assert.Contains("dotnet test", readme);
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CoalitionBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("CoalitionBot.sln not found above " + AppContext.BaseDirectory);
    }
}
