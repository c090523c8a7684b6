namespace CoalitionBot.Slack.Installations;

/// <summary>
/// The workspace the current Slack work is for (the team an event came from, the team a delivery goes to): the API
/// client picks that team's installation token. Flows with the async call, so every call below it is per team.
/// </summary>
public static class SlackTeamScope
{
    private static readonly AsyncLocal<string?> Current = new();

    /// <summary>The team of the work in progress, or null outside any.</summary>
    public static string? TeamId => Current.Value;

    /// <summary>Runs the work that follows for <paramref name="teamId"/> until disposed; a null team leaves the scope as it is.</summary>
    public static IDisposable Enter(string? teamId)
    {
        var previous = Current.Value;
        if (!string.IsNullOrEmpty(teamId))
        {
            Current.Value = teamId;
        }

        return new Restore(previous);
    }

    private sealed class Restore(string? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
