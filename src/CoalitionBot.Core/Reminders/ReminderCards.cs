using CoalitionBot.Core.Domain;
using CoalitionBot.Core.Features;
using CoalitionBot.Core.Messages;

namespace CoalitionBot.Core.Reminders;

/// <summary>The neutral messages of reminders and escalations: the memo card with Sign on, Decline, Remind me tomorrow and Read full text.</summary>
public static class ReminderCards
{
    public static Message Reminder(Memo memo, MemoVersion version, SignOn? answer, string who, string recipientTimeZone)
    {
        var due = memo.Deadline is { } d ? TimeZones.Describe(d, recipientTimeZone) : "soon";
        var intro = answer is { State: SignOnState.Signed, NeedsReconfirmation: true }
            ? $"Reminder: {memo.Code} changed after {who} signed. Please re-confirm by {due}, or decline."
            : $"Reminder: {who} has not answered {memo.Code} yet. Please sign on or decline by {due}.";
        return WithReminderButtons(MemoCards.Card(memo, version, answer, intro), memo, answer, "Reminder: " + memo.Code);
    }

    public static Message Escalation(Memo memo, MemoVersion version, string organisation, IReadOnlyCollection<string> asked, string recipientTimeZone)
    {
        var due = memo.Deadline is { } d ? TimeZones.Describe(d, recipientTimeZone) : "soon";
        var whoWasAsked = asked.Count == 0 ? "" : $" I asked {string.Join(", ", asked.Take(5))}{(asked.Count > 5 ? " and others" : "")}, but had no answer.";
        var intro = $"Nobody has answered {memo.Code} for {organisation} yet.{whoWasAsked} Could you sign on or decline for {organisation} by {due}?";
        return WithReminderButtons(MemoCards.Card(memo, version, null, intro), memo, null, $"{memo.Code}: can you answer for {organisation}?");
    }

    private static Message WithReminderButtons(Message card, Memo memo, SignOn? answer, string summary)
    {
        var sign = answer is { State: SignOnState.Signed, NeedsReconfirmation: true } ? "Re-confirm" : "Sign on";
        var buttons = new ButtonsBlock([
            new Button(sign, ActionIds.Sign, memo.Code, ButtonStyle.Primary, OpensForm: true),
            new Button("Decline", ActionIds.Decline, memo.Code, OpensForm: true),
            new Button("Remind me tomorrow", ActionIds.Snooze, memo.Code),
            new Button("Read full text", ActionIds.ReadFullText, memo.Code),
        ]);
        return card with { Summary = summary, Blocks = [.. card.Blocks.Where(b => b is not ButtonsBlock), buttons] };
    }
}
