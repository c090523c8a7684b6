using System.Text;
using CoalitionBot.Core.Domain;
using CoalitionBot.Core.Features;
using CoalitionBot.Core.Messages;
using CoalitionBot.Core.Reach;
using CoalitionBot.WebChannel;
using static CoalitionBot.SignOnPage.SignOnPageLayout;

namespace CoalitionBot.SignOnPage;

/// <summary>
/// The page's views. The memo, its facts, its buttons (sign on, re-confirm, decline, comment) and every form are
/// the core's neutral messages rendered by <see cref="HtmlRenderer"/>; this file only arranges them.
/// </summary>
public static class SignOnPageViews
{
    public static IResult MemoPage(LinkedMemo view, HtmlPostTarget post, DateTimeOffset now, string? bannerHtml = null)
    {
        var memo = view.Memo;
        var card = MemoCards.Card(memo, view.Version, view.Answer);
        var facts = new List<Field>(MemoCards.Facts(memo, view.Version, view.Answer)) { new("Answering for", view.AnswersFor), new("Late answers", LatePolicyText(memo.LatePolicy)) };
        if (view.Answer is null)
        {
            facts.Add(new Field("Your answer", "not answered yet"));
        }

        var actions = card.Blocks.OfType<ButtonsBlock>().Select(b => new ButtonsBlock(b.Buttons.Where(x => x.ActionId != ActionIds.ReadFullText).ToList()));
        var text = MemoCards.FullText(memo, view.Version);
        var body = new StringBuilder(Whose(view)).Append(bannerHtml)
            .Append("<h1>").Append(Encode(memo.Code + ": ")).Append(User(memo.Title)).Append("</h1>")
            .Append("<section aria-labelledby=\"answer-h\"><h2 id=\"answer-h\">Your answer</h2>")
            .Append(StateNote(memo, now))
            .Append(HtmlRenderer.Render(new Message("", [new FieldsBlock(facts), .. actions]), post));
        if (view.Answer is { State: SignOnState.Signed })
        {
            body.Append(WithdrawForm(view, post));
        }

        body.Append("</section><section aria-labelledby=\"text-h\"><h2 id=\"text-h\">The memo</h2>")
            .Append(HtmlRenderer.Render(text with { Blocks = text.Blocks.Where(b => b is not ButtonsBlock).ToList() }))
            .Append("</section>");
        return Page($"{memo.Code}: {memo.Title}", body.ToString());
    }

    /// <summary>A form the core opened (or sent back with errors), with the way back to the memo.</summary>
    public static IResult FormPage(LinkedMemo view, string formHtml, string backUrl) =>
        Page($"{view.Memo.Code}: {view.Memo.Title}", Whose(view) + "<section>" + formHtml + "</section>"
            + $"<p><a href=\"{Encode(backUrl)}\">Back to {Encode(view.Memo.Code)} without sending</a></p>");

    public static string Banner(string html) => "<div class=\"cb-status\" role=\"status\">" + html + "</div>";

    public static IResult Problem(int status, string title, string text) =>
        Page(title, $"<div class=\"cb-problem\" role=\"alert\"><h1>{Encode(title)}</h1><p>{Encode(text)}</p></div>", status);

    /// <summary>A forwarded link answers for someone else: say whose it is, and what to do instead.</summary>
    private static string Whose(LinkedMemo view)
    {
        var contact = view.Contact;
        var forWhom = view.Memo.Mode == SignOnMode.Individuals || view.Organisation is null
            ? " in your own name"
            : $" for <strong>{User(view.Organisation.Name)}</strong>";
        return $"<p class=\"cb-whose\" role=\"note\">You are answering as <strong>{User(contact.Name)}</strong>{forWhom} — not you? "
            + $"This personal link was sent to {Encode(Mask(contact.Email))}. If someone forwarded it to you, please do not answer with it: "
            + $"ask a coordinator of {User(view.Coalition.Name)} to add you to the partner directory, and they will send you a link of your own.</p>";
    }

    private static string StateNote(Memo memo, DateTimeOffset now) => memo.Status switch
    {
        MemoStatus.Closed => $"<p class=\"cb-problem\">{Encode(memo.Code)} is closed. {Encode(LatePolicyText(memo.LatePolicy))}</p>",
        MemoStatus.Final => $"<p class=\"cb-problem\">{Encode(memo.Code)} is final: its list has been compiled, so answers can no longer change. Ask a coordinator if something must.</p>",
        MemoStatus.Draft => $"<p class=\"cb-problem\">{Encode(memo.Code)} is not open for sign-on yet.</p>",
        _ when memo.IsLateAt(now) => $"<p class=\"cb-problem\">The deadline has passed. {Encode(LatePolicyText(memo.LatePolicy))}</p>",
        _ => "",
    };

    private static string LatePolicyText(LatePolicy policy) => policy switch
    {
        LatePolicy.Reject => "Sign-ons after the deadline are not accepted.",
        LatePolicy.HoldForApproval => "Sign-ons after the deadline are recorded and wait for a coordinator's approval.",
        _ => "Sign-ons after the deadline are still accepted and marked late.",
    };

    private static string WithdrawForm(LinkedMemo view, HtmlPostTarget post) =>
        $"<details><summary>Withdraw the signature of {User(view.AnswersFor)}</summary><form method=\"post\" action=\"{Encode(post.Action)}\">{post.HiddenFields()}"
        + $"<input type=\"hidden\" name=\"{LinkInbound.WithdrawField}\" value=\"{Encode(view.Memo.Code)}\">"
        + $"<div class=\"cb-field\"><label for=\"w-reason\">Reason (optional, seen by coordinators)</label><textarea id=\"w-reason\" name=\"reason\" rows=\"3\" maxlength=\"{SignOnFeature.ReasonMax}\"></textarea></div>"
        + "<button type=\"submit\" class=\"cb-button cb-danger\">Withdraw the signature</button></form></details>";

    private static string Mask(string? email) =>
        email is null ? "an address no longer in the directory"
        : email.IndexOf('@') is var at and > 0 ? email[0] + "…" + email[at..] : "…";
}
