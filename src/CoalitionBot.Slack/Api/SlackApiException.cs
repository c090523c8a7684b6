namespace CoalitionBot.Slack.Api;

/// <summary>Slack answered <c>ok: false</c>. <see cref="Error"/> is Slack's error code (channel_not_found, invalid_auth, …).</summary>
public class SlackApiException(string method, string error, string? needed = null, IReadOnlyList<string>? messages = null)
    : Exception($"Slack {method} failed: {error}" + (needed is null ? string.Empty : $" (needs scope {needed})")
        + (messages is { Count: > 0 } ? " " + string.Join("; ", messages) : string.Empty))
{
    public string Method { get; } = method;

    public string Error { get; } = error;

    /// <summary>The scope Slack says is missing, for missing_scope.</summary>
    public string? Needed { get; } = needed;

    public IReadOnlyList<string> Messages { get; } = messages ?? [];

    /// <summary>Errors after which the token itself is bad: nothing will work until an admin acts.</summary>
    public bool IsAuthFailure => Error is "invalid_auth" or "not_authed" or "account_inactive" or "token_revoked" or "token_expired" or "no_permission";
}
