namespace CoalitionBot.Slack.Api;

/// <summary>
/// A response_url refused the reply with a 4xx (expired after 30 minutes, used up after 5 posts, or not Slack's): not
/// worth retrying; the reply goes to the person directly instead.
/// </summary>
public sealed class SlackResponseUrlGoneException(int status) : Exception($"Slack response_url refused the reply: answered {status}")
{
    public int Status { get; } = status;
}
