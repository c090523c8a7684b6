using System.Text;

namespace CoalitionBot.Documents;

/// <summary>Escapes user text so Markdown renders it literally.</summary>
public static class MarkdownEscape
{
    // Characters that are syntax wherever they appear. '.', '-', '+', '#', ')' only matter at the start of
    // a line, so they are escaped only there to keep names like "U.S. Campaign" readable in the raw text.
    private const string AlwaysSpecial = "\\`*_{}[]<>|~&";

    /// <summary>
    /// Backslash-escapes Markdown syntax in user text and folds line breaks to spaces, so a name or comment
    /// cannot start a heading, list, quote or link, nor smuggle in HTML; bidi controls are balanced and a
    /// right-to-left field isolated first (<see cref="BidiText.Isolate"/>).
    /// </summary>
    public static string Escape(string? text) => EscapeLineStart(EscapeInline(BidiText.Isolate(text)));

    /// <summary>Escapes the characters that are syntax anywhere in a line; for text that never starts a line.</summary>
    internal static string EscapeInline(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        if (IsPlain(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (c is '\r' or '\n')
            {
                builder.Append(' ');
            }
            else if (AlwaysSpecial.Contains(c))
            {
                builder.Append('\\').Append(c);
            }
            else if (!char.IsControl(c) || c == '\t')
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Escapes what would make an already inline-escaped text start a heading, list, quote or rule.</summary>
    internal static string EscapeLineStart(string text)
    {
        if (text.Length == 0)
        {
            return string.Empty;
        }

        if (text[0] is '#' or '-' or '+' or '=' or '!' or '(')
        {
            return text.Insert(0, "\\");
        }

        var digits = 0;
        while (digits < text.Length && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }

        return digits > 0 && digits < text.Length && text[digits] is '.' or ')' ? text.Insert(digits, "\\") : text;
    }

    // Nothing to escape inline (the common case for names): EscapeInline returns the text itself.
    private static bool IsPlain(string text)
    {
        foreach (var c in text)
        {
            if (c is '\r' or '\n' || AlwaysSpecial.Contains(c) || (char.IsControl(c) && c != '\t'))
            {
                return false;
            }
        }

        return true;
    }
}
