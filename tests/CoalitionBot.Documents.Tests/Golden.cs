using System.Runtime.CompilerServices;

namespace CoalitionBot.Documents.Tests;

/// <summary>
/// Golden-file assertions. Set COALITIONBOT_UPDATE_GOLDEN=1 to (re)write the files under Golden/ from the
/// current output; compare line endings normalised, so a checkout with CRLF still passes.
/// </summary>
internal static class Golden
{
    public static void AssertMatches(string fileName, string actual, [CallerFilePath] string callerPath = "")
    {
        var directory = Path.Combine(ProjectDirectory(callerPath), "Golden");
        var path = Path.Combine(directory, fileName);
        var normalised = Normalise(actual);
        if (Environment.GetEnvironmentVariable("COALITIONBOT_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(path, normalised);
            return;
        }

        Assert.True(File.Exists(path), $"Golden file {path} is missing; run the tests with COALITIONBOT_UPDATE_GOLDEN=1 to create it.");
        var expected = Normalise(File.ReadAllText(path));
        if (expected != normalised)
        {
            var expectedLines = expected.Split('\n');
            var actualLines = normalised.Split('\n');
            var line = 0;
            while (line < expectedLines.Length && line < actualLines.Length && expectedLines[line] == actualLines[line])
            {
                line++;
            }

            Assert.Fail($"{fileName} differs at line {line + 1}.\nexpected: {Get(expectedLines, line)}\nactual:   {Get(actualLines, line)}\n" +
                "If the change is intended, rerun with COALITIONBOT_UPDATE_GOLDEN=1 and review the diff.");
        }
    }

    private static string Get(string[] lines, int index) => index < lines.Length ? lines[index] : "(end of file)";

    private static string Normalise(string text) => text.Replace("\r\n", "\n").Replace('\r', '\n');

    // Tests live in subfolders; walk up from the calling file to the folder holding the .csproj.
    private static string ProjectDirectory(string callerPath)
    {
        var directory = new DirectoryInfo(Path.GetDirectoryName(callerPath)!);
        while (directory is not null && directory.GetFiles("*.csproj").Length == 0)
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Cannot find the test project directory.");
    }
}
