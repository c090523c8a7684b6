namespace CoalitionBot.Slack.Hosting;

/// <summary>What the Slack adapter knows about its own health; written by the Socket Mode client and the API paths.</summary>
public sealed class SlackHealth
{
    private volatile string socketState = "not started";
    private volatile string? fatalError;
    private readonly TaskCompletionSource<string> fatal = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool SocketConnected { get; private set; }

    public string SocketState => socketState;

    /// <summary>An error no retry will fix (invalid_auth, link_disabled…): an admin must act.</summary>
    public string? FatalError => fatalError;

    /// <summary>Completes with the error once Slack has refused our credentials for good.</summary>
    public Task<string> Stopped => fatal.Task;

    internal void Connected()
    {
        SocketConnected = true;
        socketState = "connected";
    }

    internal void Disconnected(string why)
    {
        SocketConnected = false;
        socketState = why;
    }

    internal void Fatal(string error)
    {
        SocketConnected = false;
        fatalError = error;
        socketState = "stopped: " + error;
        fatal.TrySetResult(error);
    }
}
