using System.Buffers.Binary;
using System.Text.Json.Nodes;
using CoalitionBot.Teams.Tests.Support;
using Xunit;

namespace CoalitionBot.Teams.Tests;

public sealed class ManifestTests
{
    private static readonly string[] MemoCommands =
        ["help", "list", "show", "sign", "decline", "withdraw", "comment", "status", "new", "publish", "circulate", "close", "reopen", "compile", "partners", "coordinators"];

    [SkippableFact]
    public async Task Manifest_ValidatesAgainstTeamsSchema125()
    {
        var schema = await Schemas.TeamsManifestAsync();

        var errors = schema.Validate(await File.ReadAllTextAsync(PathOf("manifest.json")));

        Assert.True(errors.Count == 0, string.Join("; ", errors.Select(e => $"{e.Path}: {e.Kind}")));
    }

    [Fact]
    public void Manifest_Bot_AllScopesAndOnlyMemoCommands()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(PathOf("manifest.json")))!;
        var bot = manifest["bots"]![0]!;

        Assert.Equal("1.25", manifest["manifestVersion"]!.GetValue<string>());
        Assert.Equal(["personal", "team", "groupChat"], bot["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));
        foreach (var list in bot["commandLists"]!.AsArray())
        {
            var titles = list!["commands"]!.AsArray().Select(c => c!["title"]!.GetValue<string>()).ToList();
            Assert.InRange(titles.Count, 1, 12);
            Assert.All(titles, t => Assert.Contains(t, MemoCommands));
        }
    }

    [Theory]
    [InlineData("color.png", 192)]
    [InlineData("outline.png", 32)]
    public void Icons_PngOfTheRequiredSize(string file, int size)
    {
        var bytes = File.ReadAllBytes(PathOf(file));

        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, bytes[..4]);
        Assert.Equal(size, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)));
        Assert.Equal(size, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
        Assert.Equal(6, bytes[25]); // RGBA: the outline needs transparency
    }

    private static string PathOf(string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "manifests", "teams", file);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("manifests/teams/" + file + " not found above " + AppContext.BaseDirectory);
    }
}
