namespace CoalitionBot.Testing.Teams;

/// <summary>
/// Finds the official schemas in ../shared/schemas (the shared folder as <see cref="Support.Requirement.FindShared"/> finds it). Absent on a
/// plain checkout: tests skip, unless COALITIONBOT_REQUIRE_SHARED=1 (CI), where a missing folder is a failure.
/// </summary>
public static class SharedSchemas
{
    public static bool Required => Environment.GetEnvironmentVariable(Support.Requirement.RequireShared) == "1";

    /// <summary>The schemas folder, or null with a message naming where it was looked for.</summary>
    public static string? Find(out string message)
    {
        if (Support.Requirement.FindShared() is { } shared && Directory.Exists(Path.Combine(shared, "schemas")))
        {
            message = Path.Combine(shared, "schemas");
            return message;
        }

        message = $"No shared/schemas folder above {AppContext.BaseDirectory}: put the shared folder (with schemas/) beside the repository clone.";
        if (Required)
        {
            throw new InvalidOperationException(message + " COALITIONBOT_REQUIRE_SHARED=1, so this is a failure.");
        }

        return null;
    }
}
