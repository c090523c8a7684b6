namespace CoalitionBot.Slack.Rendering;

/// <summary>
/// Slack wants action ids unique within a block; the core reuses them (a "Sign" per memo in a list).
/// We append "~n" on the way out and strip it on the way in.
/// </summary>
public static class SlackActionId
{
    public static string Encode(string actionId, int index) => SlackText.Truncate(actionId, BlockKitLimits.Id - 8) + "~" + index;

    public static string Decode(string slackActionId)
    {
        var tilde = slackActionId.LastIndexOf('~');
        return tilde > 0 && int.TryParse(slackActionId.AsSpan(tilde + 1), out _) ? slackActionId[..tilde] : slackActionId;
    }
}
