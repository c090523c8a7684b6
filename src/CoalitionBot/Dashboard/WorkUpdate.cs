namespace CoalitionBot.Dashboard;

/// <summary>
/// One step of long work on a memo, shown in the page's status region: "Compiling M-1: preparing files, 3 of 6
/// ready…". An empty <see cref="Text"/> clears the region. <see cref="DeliveriesSince"/> asks the page's live stream
/// to follow the memo cards queued since then until none is being sent.
/// </summary>
internal sealed record WorkUpdate(string MemoCode, string Text, int Done, int Total, bool Finished, DateTimeOffset? DeliveriesSince = null);
