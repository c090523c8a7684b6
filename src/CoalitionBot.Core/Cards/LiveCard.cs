using CoalitionBot.Core.Domain;
using CoalitionBot.Core.Features;
using CoalitionBot.Core.Messages;

namespace CoalitionBot.Core.Cards;

/// <summary>
/// The one rule for what a delivered memo card shows now: the version it was sent for (and, when that is no longer
/// current, that it is superseded, with a button that opens the current version), the memo's state (closed and
/// final cards offer no sign-on), and the answer of the organisation (or person) it was sent to — who gave it and
/// when. Built from <see cref="MemoCards"/>; every platform renders it, none decides it.
/// </summary>
public static class LiveCard
{
    /// <param name="shown">The version the card was sent for.</param>
    /// <param name="answeredBy">The contact who gave <paramref name="answer"/>, when known.</param>
    /// <param name="timeZone">The recipient's time zone, for the time of the answer.</param>
    public static Message Render(Memo memo, MemoVersion shown, SignOn? answer, string? answeredBy, string? timeZone)
    {
        var superseded = shown.Number < memo.CurrentVersion;
        var lines = new List<string>();
        if (superseded)
        {
            lines.Add($"This is version {shown.Number}; version {memo.CurrentVersion} is current.");
        }

        if (memo.Status is MemoStatus.Closed or MemoStatus.Final)
        {
            lines.Add(memo.Status == MemoStatus.Final
                ? $"{memo.Code} is final: its list has been compiled."
                : $"{memo.Code} is closed: it no longer takes sign-ons here.");
        }

        lines.Add(Answer(answer, answeredBy, timeZone));
        var card = MemoCards.Card(memo, shown, answer, string.Join("\n", lines));
        var buttons = Buttons(memo, answer, superseded);
        var blocks = card.Blocks.Where(b => b is not ButtonsBlock).ToList();
        if (buttons.Count > 0)
        {
            blocks.Add(new ButtonsBlock(buttons));
        }

        // A superseded card is a snapshot of its version: a platform that refreshes live cards when shown (Teams) must not
        // turn it into the current version's card, or it would stop saying it is out of date.
        return card with { Blocks = blocks, LiveMemoCode = superseded ? null : memo.Code };
    }

    /// <summary>"Signed by Amira Haddad (Director) on 2 November 2026 15:00 CET", "Declined by …", "Not answered yet".</summary>
    public static string Answer(SignOn? answer, string? answeredBy, string? timeZone)
    {
        if (answer is null)
        {
            return "Not answered yet.";
        }

        var who = answer.State == SignOnState.Signed && answer.SignatoryName is { Length: > 0 } signatory
            ? signatory + (answer.SignatoryTitle is { Length: > 0 } title ? $" ({title})" : "")
            : answeredBy ?? "a contact";
        var onBehalf = answer.OnBehalf ? ", recorded by a coordinator" : "";
        var when = TimeZones.Describe(answer.At, timeZone);
        return answer.State switch
        {
            SignOnState.Signed when answer.NeedsReconfirmation => $"Signed by {who} on {when}{onBehalf}, before the text changed: please re-confirm.",
            SignOnState.Signed when answer.AwaitingApproval => $"Signed by {who} on {when}{onBehalf}, late: waiting for a coordinator's approval.",
            SignOnState.Signed => $"Signed by {who} on {when}{onBehalf}.",
            SignOnState.Declined => $"Declined by {who} on {when}{onBehalf}.",
            _ => $"Signature withdrawn by {who} on {when}{onBehalf}.",
        };
    }

    private static List<Button> Buttons(Memo memo, SignOn? answer, bool superseded)
    {
        if (superseded)
        {
            return [new Button($"Open version {memo.CurrentVersion}", ActionIds.Refresh, memo.Code, ButtonStyle.Primary)];
        }

        var buttons = MemoCards.Buttons(memo, answer);
        return memo.Status == MemoStatus.Open
            ? buttons
            : buttons.Where(b => b.ActionId is not (ActionIds.Sign or ActionIds.Decline or ActionIds.Comment)).ToList();
    }
}
