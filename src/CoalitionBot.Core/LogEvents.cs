namespace CoalitionBot.Core;

/// <summary>
/// Log event ids of CoalitionBot.Core. Each project owns one range, so an id names one line across the solution
/// (checked by LogEventIdTests): Core 1000–1999, Storage 2000–2999, host 3000–3999, Slack 4000–4999,
/// Teams 5000–5999, Documents 6000–6999, Email 7000–7999. Within Core: routing 1000–1099, receiver kit 1100–1199, reminders 1300–1399.
/// </summary>
internal static class LogEvents
{
    public const int InboundFailed = 1001;

    public const int WorkFailed = 1101;
    public const int JournalFailed = 1102;
    public const int RecoveryFailed = 1103;
    public const int HandlingFailed = 1104;
    public const int LateAck = 1110;

    public const int ReminderMemoFailed = 1301;
}
