namespace CoalitionBot.Core.Replies;

/// <summary>The inbound item was handled before (a retry or a double click): acknowledge and do nothing.</summary>
public sealed record DuplicateReply : Reply
{
    public static readonly DuplicateReply Instance = new();
}
