using System.Text;

namespace CoalitionBot.Teams.Cards;

/// <summary>
/// Escapes user text for Adaptive Card TextBlocks, which parse a Markdown subset (bold, italic, lists, links):
/// backslash-escaping every character that could start markup, so an organisation name cannot become a link.
/// </summary>
internal static class CardText
{
    private const string Special = "\\*_[]()`~<>#|!";

    /// <summary>Escapes card Markdown; bidi controls unmatched within their line are dropped (<see cref="Documents.BidiText.Balance"/>).</summary>
    public static string Escape(string text)
    {
        text = Documents.BidiText.Balance(text);
        var builder = new StringBuilder(text.Length + 8);
        var lineStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (Special.Contains(c, StringComparison.Ordinal) || (lineStart && (c is '-' or '+' or '=') ) || (c == '.' && PrecededByLineStartDigits(text, i)))
            {
                builder.Append('\\');
            }

            builder.Append(c);
            if (c is '\n' or '\r')
            {
                lineStart = true;
            }
            else if (!char.IsWhiteSpace(c))
            {
                lineStart = false;
            }
        }

        return builder.ToString();
    }

    /// <summary>Plain text keeping its line breaks: Markdown needs a blank line to break, so single breaks become double.</summary>
    public static string EscapeMultiline(string text) =>
        Escape(text.Replace("\r\n", "\n").Replace('\r', '\n')).Replace("\n", "\n\n");

    // "1." at the start of a line would become a numbered list item.
    private static bool PrecededByLineStartDigits(string text, int dot)
    {
        var i = dot - 1;
        if (i < 0 || !char.IsAsciiDigit(text[i]))
        {
            return false;
        }

        while (i >= 0 && char.IsAsciiDigit(text[i]))
        {
            i--;
        }

        while (i >= 0 && text[i] is ' ' or '\t')
        {
            i--;
        }

        return i < 0 || text[i] is '\n' or '\r';
    }
}
