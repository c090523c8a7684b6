namespace CoalitionBot.Documents;

/// <summary>A comment on a memo version, anchored to §<paramref name="ParagraphNumber"/> or to the memo as a whole (null).</summary>
public sealed record MemoComment(
    int? ParagraphNumber,
    string Author,
    string Organisation,
    string Text,
    IReadOnlyList<MemoCommentReply> Replies,
    bool Resolved,
    DateTimeOffset At);
