namespace CoalitionBot.Teams.Auth;

/// <summary>The verdict on one inbound request: allowed, or the HTTP status to refuse it with (401 or 403).</summary>
internal sealed record AuthenticationOutcome(bool Allowed, int StatusCode, string Reason)
{
    public static readonly AuthenticationOutcome Ok = new(true, 200, "ok");

    public static AuthenticationOutcome Unauthorized(string reason) => new(false, 401, reason);

    public static AuthenticationOutcome Forbidden(string reason) => new(false, 403, reason);
}
