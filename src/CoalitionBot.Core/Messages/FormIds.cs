namespace CoalitionBot.Core.Messages;

/// <summary>The form ids the core understands.</summary>
public static class FormIds
{
    public const string SignOn = "signon";
    public const string Decline = "decline";
    public const string Comment = "comment";
    public const string NewMemo = "memo.new";
    public const string Publish = "memo.publish";
    public const string JoinRequest = "join.request";
}
