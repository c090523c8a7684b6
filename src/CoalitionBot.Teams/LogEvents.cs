namespace CoalitionBot.Teams;

/// <summary>
/// Log event ids of CoalitionBot.Teams: 5000–5999 (the ranges of all projects are listed in CoalitionBot.Core's
/// LogEvents; LogEventIdTests checks that no id is used twice). Auth 5100s, token 5200s, connector 5300s,
/// replies 5400s, hosting 5500s, the activity endpoint 5600s, invokes 5700s, rosters 5800s.
/// </summary>
internal static class LogEvents
{
    public const int AuthRefused = 5101;
    public const int MetadataUnavailable = 5102;

    public const int TokenRefused = 5201;

    public const int ConnectorError = 5301;

    public const int ReplyFailed = 5401;
    public const int PrivateReplyFailed = 5402;

    public const int Anonymous = 5501;

    public const int ActivityIgnored = 5601;
    public const int DuplicateActivity = 5602;
    public const int ForeignTenant = 5603;
    public const int MalformedActivity = 5604;

    public const int InvokeIgnored = 5701;
    public const int InvokeFailed = 5702;

    public const int RosterRead = 5801;
    public const int RosterReadRefused = 5802;
    public const int RosterReadFailed = 5803;
    public const int BotAddedToPlace = 5804;
    public const int BotLeftPlace = 5805;
}
