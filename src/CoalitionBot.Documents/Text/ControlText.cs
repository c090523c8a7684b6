using System.Text;

namespace CoalitionBot.Documents;

/// <summary>
/// Control characters (C0, DEL and C1: NUL, BEL, ESC, FF, …) never belong in a stored name or text. The way in to
/// the core (<c>InboundText</c>) and the directory import both strip them here: a field that allows line breaks
/// keeps tab and line feed (CR LF and a lone CR become LF); a one-line field gets a space for each of them.
/// </summary>
public static class ControlText
{
    /// <summary>The text without control characters; the same string when it has none.</summary>
    public static string Strip(string? text, bool keepLineBreaks)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        if (!text.Any(char.IsControl))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\r' or '\n' or '\t')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    continue; // CR LF: the LF speaks for both
                }

                builder.Append(!keepLineBreaks ? ' ' : c == '\t' ? '\t' : '\n');
            }
            else if (!char.IsControl(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
