using System.Runtime.CompilerServices;
using Xunit;

namespace CoalitionBot.Testing;

/// <summary>
/// Golden-file assertions for every test project: the file lives in the calling project's Golden/ folder.
/// Set COALITIONBOT_UPDATE_GOLDEN=1 to (re)write the files from the current output (then review the diff in git);
/// line endings are normalised, so a checkout with CRLF still passes. A mismatch shows the lines around the first
/// difference and writes the whole actual output next to the golden file as *.actual (ignored by git).
/// </summary>
public static class Golden
{
    private const int Context = 3;

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
        if (expected == normalised)
        {
            return;
        }

        var expectedLines = expected.Split('\n');
        var actualLines = normalised.Split('\n');
        var line = 0;
        while (line < expectedLines.Length && line < actualLines.Length && expectedLines[line] == actualLines[line])
        {
            line++;
        }

        File.WriteAllText(path + ".actual", normalised);
        Assert.Fail($"{fileName} differs at line {line + 1} (the whole output is in {path}.actual).\n"
            + Window("expected", expectedLines, line) + Window("actual", actualLines, line)
            + "If the change is intended, rerun with COALITIONBOT_UPDATE_GOLDEN=1 and review the diff.");
    }

    private static string Window(string title, string[] lines, int at)
    {
        var from = Math.Max(0, at - Context);
        var to = Math.Min(lines.Length, at + Context + 1);
        var text = $"--- {title} (lines {from + 1}–{to}):\n";
        for (var i = from; i < to; i++)
        {
            text += (i == at ? "> " : "  ") + lines[i] + "\n";
        }

        return at >= lines.Length ? text + "> (end of file)\n" : text;
    }

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
