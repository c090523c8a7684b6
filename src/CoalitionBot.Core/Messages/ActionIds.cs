namespace CoalitionBot.Core.Messages;

/// <summary>The button action ids the core understands. Adapters pass them through unchanged.</summary>
public static class ActionIds
{
    public const string Sign = "memo.sign";
    public const string Decline = "memo.decline";
    public const string Comment = "memo.comment";
    public const string ReadFullText = "memo.read";
    public const string Snooze = "memo.snooze";
    public const string Refresh = "memo.refresh";
    public const string Status = "memo.status";
    public const string Circulate = "memo.circulate";
    public const string Compile = "memo.compile";

    /// <summary>A download link button; platforms that report link clicks send it, and it needs no answer.</summary>
    public const string Download = "file.download";

    /// <summary>The personal-link button of an e-mailed memo (opens the web sign-on page); needs no answer.</summary>
    public const string OpenPage = "memo.page";

    /// <summary>The status reply's Dashboard button: what typing `dashboard` does (a one-time link, in a direct message only).</summary>
    public const string Dashboard = "dashboard.link";

    public static readonly IReadOnlyList<string> All = [Sign, Decline, Comment, ReadFullText, Snooze, Refresh, Status, Circulate, Compile, Download, OpenPage, Dashboard];
}
