namespace CoalitionBot.Slack;

/// <summary>
/// Log event ids of CoalitionBot.Slack: 4000–4999 (the ranges of all projects are listed in CoalitionBot.Core's
/// LogEvents; LogEventIdTests checks that no id is used twice). API 4100s, users 4300s, inbound 4400s,
/// replies 4500s, events 4600s, HTTP 4700s, Socket Mode 4800s–4900s, auth check 4950s.
/// </summary>
internal static class LogEvents
{
    public const int ApiRateLimited = 4101;
    public const int ApiError = 4102;

    public const int UserLookupFailed = 4301;
    public const int UploadFailed = 4320;

    public const int DoubleClick = 4401;
    public const int SlowHandler = 4402;
    public const int HandlerFailed = 4403;
    public const int AfterAckFailed = 4404;

    public const int OpenFormFailed = 4501;
    public const int QueueFull = 4502;
    public const int LateHandlerFailed = 4503;

    public const int DuplicateEvent = 4601;

    public const int RequestRejected = 4701;

    public const int SocketEnded = 4801;
    public const int SocketUnreadable = 4802;
    public const int SocketDisconnectRequested = 4803;
    public const int EnvelopeFailed = 4804;
    public const int AckLost = 4805;
    public const int SocketRetiring = 4806;

    public const int SocketConnected = 4901;
    public const int SocketConnectFailed = 4902;
    public const int SocketReconnecting = 4903;
    public const int SocketStopped = 4904;

    public const int AuthCheckIdentity = 4951;
    public const int AuthCheckRefused = 4952;
    public const int AuthCheckUnreachable = 4953;

    public const int Installed = 4961;
    public const int InstallFailed = 4962;
    public const int InstallationDeactivated = 4963;
}
