namespace CoalitionBot;

/// <summary>
/// Log event ids of the host (CoalitionBot): 3000–3999 (the ranges of all projects are listed in CoalitionBot.Core's
/// LogEvents; LogEventIdTests checks that no id is used twice). Start-up 3000s, outbox 3100s, reminders 3200s, downloads 3300s, web channel 3400s.
/// </summary>
internal static class LogEvents
{
    public const int Started = 3001;
    public const int Playground = 3002;
    public const int KeysUnprotected = 3003;

    public const int OutboxLoopFailed = 3101;

    public const int RemindersSwept = 3201;
    public const int ReminderSweepFailed = 3202;

    public const int NoPublicAddress = 3301;

    public const int UploadRefused = 3401;
    public const int SendRefused = 3402;
    public const int NoInboxForReply = 3490;
    public const int SignOnPageFailed = 3501;
    public const int Unsubscribed = 3511;
}
