namespace CoalitionBot.Email;

/// <summary>
/// Event ids of the e-mail adapter's log lines: 7000–7999 (Core 1000s, Storage 2000s, host 3000s, Slack 4000s,
/// Teams 5000s, Documents 6000s). A test fails when an id is used twice or falls outside its project's range.
/// </summary>
internal static class LogEvents
{
    public const int PickupFolderInUse = 7101;
    public const int EmailNotSent = 7102;
    public const int EmailNotComposed = 7201;
}
