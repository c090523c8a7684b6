namespace CoalitionBot.Teams.Connector;

/// <summary>The token endpoint refused us. <see cref="Error"/> is its OAuth error code (invalid_client, …), never a secret.</summary>
internal sealed class BotTokenException(int status, string error)
    : Exception($"The token endpoint answered {status} ({error}).")
{
    public int Status { get; } = status;

    public string Error { get; } = error;

    /// <summary>A configuration problem rather than an outage: retrying will not help.</summary>
    public bool IsCredentialProblem => Status is 400 or 401 || Error is "invalid_client" or "unauthorized_client" or "invalid_request";
}
