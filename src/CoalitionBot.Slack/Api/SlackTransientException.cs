namespace CoalitionBot.Slack.Api;

/// <summary>Slack could not be reached or answered 5xx after the resilience handler's retries.</summary>
public sealed class SlackTransientException(string method, string reason, Exception? inner = null)
    : Exception($"Slack {method} unavailable: {reason}", inner)
{
    public string Method { get; } = method;

    public string Reason { get; } = reason;
}
