using CoalitionBot.Testing.Postgres;
using Xunit.Abstractions;

namespace CoalitionBot.Testing.Support;

/// <summary>
/// Things some tests need from the machine (a PostgreSQL server, a browser, the shared/ folder).
/// When one is missing the test returns early after writing "SKIPPED: …" to its output — xunit 2 has
/// no dynamic skip, so it is reported as passed — unless COALITIONBOT_REQUIRE_&lt;THING&gt;=1 turns the
/// absence into a failure, as CI should.
/// <code>if (await Requirement.PostgresAsync(output) is not { } postgres) return;</code>
/// </summary>
public static class Requirement
{
    /// <summary>The environment variable that makes a missing PostgreSQL a failure.</summary>
    public const string RequirePostgres = "COALITIONBOT_REQUIRE_POSTGRES";

    /// <summary>The environment variable that makes a missing browser a failure.</summary>
    public const string RequireBrowser = "COALITIONBOT_REQUIRE_BROWSER";

    /// <summary>The environment variable that makes a missing shared/ folder a failure.</summary>
    public const string RequireShared = "COALITIONBOT_REQUIRE_SHARED";

    /// <summary>The run's shared PostgreSQL server, or null (after writing why) when it is not installed.</summary>
    public static async Task<PostgresServer?> PostgresAsync(ITestOutputHelper output)
    {
        var result = await PostgresServer.SharedAsync();
        return Check("PostgreSQL", RequirePostgres, result.Reason, output) ? result.Server : null;
    }

    /// <summary>The Chromium executable (COALITIONBOT_CHROMIUM, else /usr/bin/chromium), or null when absent.</summary>
    public static string? Browser(ITestOutputHelper output)
    {
        var path = Environment.GetEnvironmentVariable("COALITIONBOT_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        return Check("Chromium", RequireBrowser, File.Exists(path) ? null : $"{path} does not exist (apt-get install chromium)", output) ? path : null;
    }

    /// <summary>
    /// The shared/ folder beside the repository (COALITIONBOT_SHARED_DIR, else the nearest ancestor's
    /// shared/ holding DESIGN.md), or null when absent.
    /// </summary>
    public static string? Shared(ITestOutputHelper output)
    {
        var path = FindShared();
        return Check("shared/ folder", RequireShared, path is null ? "no shared/ folder with DESIGN.md beside the repository or any parent" : null, output) ? path : null;
    }

    /// <summary>
    /// True when <paramref name="missingReason"/> is null. Otherwise throws if <paramref name="requireVariable"/>
    /// is "1", or writes a skip message and returns false.
    /// </summary>
    public static bool Check(
        string what, string requireVariable, string? missingReason, ITestOutputHelper output, Func<string, string?>? readEnvironment = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (missingReason is null)
        {
            return true;
        }

        readEnvironment ??= Environment.GetEnvironmentVariable;
        if (readEnvironment(requireVariable) == "1")
        {
            throw new RequirementMissingException($"{what} is required ({requireVariable}=1) but missing: {missingReason}.");
        }

        output.WriteLine($"SKIPPED: {what} is not available: {missingReason}. Set {requireVariable}=1 to fail instead.");
        return false;
    }

    private static string? FindShared()
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
