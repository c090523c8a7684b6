namespace CoalitionBot.Core.Dashboard;

/// <summary>Everything the memo page shows: the memo, its organisations (filtered), comments, re-confirmations and delivery health.</summary>
public sealed record MemoBoard(
    MemoSummary Memo,
    Answer? Filter,
    IReadOnlyList<BoardGroup> Groups,
    IReadOnlyList<BoardRow> Reconfirm,
    IReadOnlyList<BoardRow> AwaitingApproval,
    IReadOnlyList<BoardComment> Comments,
    DeliveryHealth Health);
