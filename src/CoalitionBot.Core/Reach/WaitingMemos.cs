using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Domain;
using CoalitionBot.Core.Features;
using CoalitionBot.Core.Messages;
using CoalitionBot.Core.Replies;
using CoalitionBot.Core.Routing;

namespace CoalitionBot.Core.Reach;

/// <summary>
/// The answer to a message that is not a command ("hi", "what is this?"): one short message saying which memos
/// wait for this person, with their buttons — or, for someone the bot does not know, how to join. A word close
/// to a command (a typo such as `sing M-1`) is left to the help answer.
/// </summary>
public static class WaitingMemos
{
    private const int MaxMemos = 3;

    public static async Task<Reply?> AnswerAsync(Router router, RequestContext ctx, CancellationToken ct)
    {
        if (ctx.Inbound.Content is not CommandText text || LooksLikeCommand(router, text.Text) || ctx.Coalition is not { } coalition)
        {
            return null;
        }

        if (ctx.Me is not { } me)
        {
            const string join = "Hello! I run sign-on memos for the coalition, but I don't know you yet. To join, ask a coordinator to add you to the partner directory with your organisation and work e-mail; then the memos come to you here.";
            return new MessageReply(Message.Text(join));
        }

        var memos = await ctx.Data.ListAsync(ctx.Data.Memos.Where(m => m.CoalitionId == coalition.Id && m.Status == MemoStatus.Open).OrderBy(m => m.Deadline), ct);
        var waiting = new List<(Memo Memo, SignOn? Answer)>();
        foreach (var memo in memos)
        {
            var answer = await Memos.MyAnswerAsync(ctx, memo, ct);
            if (me.OrganisationId is not null && (answer is null || answer is { State: SignOnState.Signed, NeedsReconfirmation: true }))
            {
                waiting.Add((memo, answer));
            }
        }

        if (waiting.Count == 0)
        {
            return new MessageReply(Message.Text($"Hello {me.Name}. No memo is waiting for your answer right now. Type `list` for the memos, or `help` for what you can do."));
        }

        var lead = waiting.Count == 1 ? $"Hello {me.Name}. One memo is waiting for your answer:" : $"Hello {me.Name}. {waiting.Count} memos are waiting for your answer:";
        var blocks = new List<Block> { new TextBlock(lead) };
        foreach (var (memo, answer) in waiting.Take(MaxMemos))
        {
            var deadline = memo.Deadline is { } d ? " — by " + TimeZones.Describe(d, me.TimeZone) : "";
            blocks.Add(new TextBlock($"{memo.Code}: {memo.Title}{deadline}", Strong: true));
            blocks.Add(new ButtonsBlock(MemoCards.Buttons(memo, answer)));
        }

        return new MessageReply(new Message(lead, blocks));
    }

    /// <summary>A first word within two edits of a command, or a memo code in the text: a mistyped command, not a chat message.</summary>
    private static bool LooksLikeCommand(Router router, string text)
    {
        var word = CommandLine.Parse(text).Word.ToLowerInvariant();
        if (text.Contains("M-", StringComparison.OrdinalIgnoreCase) && MemoCode.TryParse(text.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault(w => w.StartsWith("M-", StringComparison.OrdinalIgnoreCase)), out _))
        {
            return true;
        }

        return word.Length >= 3 && router.Commands.Any(r => Distance(word, r.Key) <= (r.Key.Length <= 4 ? 1 : 2));
    }

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
