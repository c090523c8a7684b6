using CoalitionBot.Testing.Postgres;
using Xunit;
using Xunit.Abstractions;

namespace CoalitionBot.Testing.Support;

/// <summary>
/// Things some tests need from the machine (a PostgreSQL server, a browser, the shared/ folder).
/// When one is missing the test is reported as skipped (it throws Xunit.SkippableFact's SkipException, so the
/// test must be a <c>[SkippableFact]</c> or <c>[SkippableTheory]</c>), with the reason in its output, unless
/// COALITIONBOT_REQUIRE_&lt;THING&gt;=1 turns the absence into a failure, as CI should.
/// <code>var postgres = await Requirement.PostgresAsync(output);</code>
/// </summary>
public static class Requirement
{
    /// <summary>The environment variable that makes a missing PostgreSQL a failure.</summary>
    public const string RequirePostgres = "COALITIONBOT_REQUIRE_POSTGRES";

    /// <summary>The environment variable that makes a missing browser a failure.</summary>
    public const string RequireBrowser = "COALITIONBOT_REQUIRE_BROWSER";

    /// <summary>The environment variable that makes a missing shared/ folder a failure.</summary>
    public const string RequireShared = "COALITIONBOT_REQUIRE_SHARED";

    /// <summary>The run's shared PostgreSQL server (COALITIONBOT_POSTGRES_ROOT=/nonexistent hides it); skips the test when it is not installed.</summary>
    public static async Task<PostgresServer> PostgresAsync(ITestOutputHelper output)
    {
        var result = await PostgresServer.SharedAsync();
        Check("PostgreSQL", RequirePostgres, result.Reason, output);
        return result.Server!;
    }

    /// <summary>The Chromium executable (COALITIONBOT_CHROMIUM, else /usr/bin/chromium); skips the test when it is absent.</summary>
    public static string Browser(ITestOutputHelper output)
    {
        var path = Environment.GetEnvironmentVariable("COALITIONBOT_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        Check("Chromium", RequireBrowser, File.Exists(path) ? null : $"{path} does not exist (apt-get install chromium)", output);
        return path;
    }

    /// <summary>
    /// A file of the shared/ folder beside the repository (COALITIONBOT_SHARED_DIR, else the nearest ancestor's
    /// shared/ holding DESIGN.md), such as "schemas/slack-manifest-1.0.0.schema.json"; skips the test when absent.
    /// </summary>
    public static string Shared(string file, ITestOutputHelper output)
    {
        var path = FindShared() is { } folder ? Path.Combine(folder, file) : null;
        Check("shared/" + file, RequireShared, path is null || !File.Exists(path) ? "no shared/ folder with DESIGN.md and this file beside the repository or any parent" : null, output);
        return path!;
    }

    /// <summary>
    /// Returns when <paramref name="missingReason"/> is null. Otherwise throws <see cref="RequirementMissingException"/>
    /// if <paramref name="requireVariable"/> is "1", or writes why to the output and skips the test (<see cref="SkipException"/>).
    /// </summary>
    public static void Check(
        string what, string requireVariable, string? missingReason, ITestOutputHelper output, Func<string, string?>? readEnvironment = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (missingReason is null)
        {
            return;
        }

        readEnvironment ??= Environment.GetEnvironmentVariable;
        if (readEnvironment(requireVariable) == "1")
        {
            throw new RequirementMissingException($"{what} is required ({requireVariable}=1) but missing: {missingReason}.");
        }

        var message = $"{what} is not available: {missingReason}. Set {requireVariable}=1 to fail instead.";
        output.WriteLine("SKIPPED: " + message);
        throw new SkipException(message);
    }

    /// <summary>The shared/ folder (COALITIONBOT_SHARED_DIR, else the nearest ancestor's shared/ holding DESIGN.md), or null.</summary>
    public static string? FindShared()
    {
        if (Environment.GetEnvironmentVariable("COALITIONBOT_SHARED_DIR") is { Length: > 0 } configured)
        {
            return Directory.Exists(configured) ? configured : null;
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared");
            if (File.Exists(Path.Combine(candidate, "DESIGN.md")))
            {
                return candidate;
            }
        }

        return null;
    }
}
