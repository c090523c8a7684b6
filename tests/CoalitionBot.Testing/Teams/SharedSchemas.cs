namespace CoalitionBot.Testing.Teams;

/// <summary>
/// Finds the official schemas in ../shared/schemas by walking up from the test's base directory. Absent on a
/// plain checkout: tests skip, unless COALITIONBOT_REQUIRE_SHARED=1 (CI), where a missing folder is a failure.
/// </summary>
public static class SharedSchemas
{
    public static bool Required => Environment.GetEnvironmentVariable("COALITIONBOT_REQUIRE_SHARED") == "1";

    /// <summary>The schemas folder, or null with a message naming where it was looked for.</summary>
    public static string? Find(out string message)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "schemas");
            if (Directory.Exists(candidate))
            {
                message = candidate;
                return candidate;
            }
        }

        message = $"No shared/schemas folder above {AppContext.BaseDirectory}: put the shared folder (with schemas/) beside the repository clone.";
        if (Required)
        {
            throw new InvalidOperationException(message + " COALITIONBOT_REQUIRE_SHARED=1, so this is a failure.");
        }

        return null;
    }
}
