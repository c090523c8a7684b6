using System.Text;
using CoalitionBot.Core.Messages;
using CoalitionBot.Documents;

namespace CoalitionBot.Email.Rendering;

/// <summary>
/// Renders a neutral message as an e-mail: the subject from its summary, a text part and an HTML part. Buttons
/// that open a URL become links; buttons that answer the bot cannot be pressed in an e-mail and are left out (the
/// personal link's page has them all). The memo goes through the Documents library's renderers, never parsed here.
/// </summary>
internal static class EmailRenderer
{
    /// <summary>The prefix the core gives a memo's confidentiality notice; shown as a notice box in HTML.</summary>
    public const string ConfidentialPrefix = "Confidential: ";

    public static EmailContent Render(Message message, string footer)
    {
        ArgumentNullException.ThrowIfNull(message);
        var subject = Subject(message.Summary);
        return new EmailContent(subject, EmailText.Render(message, footer), EmailHtml.Render(message, subject, footer));
    }

    /// <summary>One line: control characters (line breaks included) become spaces, at most 200 characters.</summary>
    public static string Subject(string summary)
    {
        var line = new StringBuilder(summary.Length);
        foreach (var c in BidiText.Balance(summary))
        {
            line.Append(char.IsControl(c) ? ' ' : c);
        }

        var text = line.ToString().Trim();
        return text.Length == 0 ? "A message from your coalition" : text.Length <= 200 ? text : text[..199] + "…";
    }

    /// <summary>The buttons an e-mail can carry: those with a safe absolute URL.</summary>
    public static IEnumerable<Button> Links(ButtonsBlock block) => block.Buttons.Where(b => b.Url is not null && SafeLinks.IsAllowed(b.Url));

    public static MemoDocument Memo(MemoExcerptBlock block) => MemoDocument.Parse(block.Markdown);
}
