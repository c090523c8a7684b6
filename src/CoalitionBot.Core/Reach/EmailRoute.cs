using CoalitionBot.Core.Domain;
using CoalitionBot.Core.Messages;
using CoalitionBot.Core.Routing;

namespace CoalitionBot.Core.Reach;

/// <summary>What a message needs when it goes by e-mail: the contact's personal link to the memo's web page, as a button.</summary>
public static class EmailRoute
{
    public const string LinkLabel = "Open the memo to sign on, decline or comment";

    /// <summary>The message with the personal link appended (chat messages are returned unchanged).</summary>
    public static async Task<Message> WithLinkAsync(IPersonalLinks links, RequestContext ctx, ContactIdentity to, Contact contact, Memo? memo, Message message, CancellationToken ct)
    {
        if (to.Platform != Conversation.Platform.Email || memo is null)
        {
            return message;
        }

        return WithUrl(message, memo, await links.IssueAsync(ctx, contact, memo, ct));
    }

    /// <summary>The message with this personal link's button appended.</summary>
    public static Message WithUrl(Message message, Memo memo, string url) =>
        message with { Blocks = [.. message.Blocks, new ButtonsBlock([new Button(LinkLabel, ActionIds.OpenPage, memo.Code, ButtonStyle.Primary, url)])] };
}
