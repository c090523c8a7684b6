using System.Text;

namespace CoalitionBot.Documents;

/// <summary>
/// The one rule for bidirectional text in user fields (names, titles, comments, reasons), used by every renderer:
/// first <see cref="Balance"/> drops every explicit embedding, override or isolate control (U+202A–U+202E,
/// U+2066–U+2069) that is not closed within the same line of the field, so a control can never reach past the
/// field's end; then a field that still holds explicit controls or right-to-left letters is isolated —
/// FSI…PDI (U+2068/U+2069) in plain text, Markdown, mrkdwn, card text and DOCX (<see cref="Isolate"/>), a
/// <c>&lt;bdi&gt;</c> element in HTML (<see cref="Html"/>) — so its direction cannot reorder the text around it.
/// Left-to-right text without controls is returned unchanged.
/// </summary>
public static class BidiText
{
    public const char FirstStrongIsolate = '\u2068';
    public const char PopDirectionalIsolate = '\u2069';
    private const char PopDirectionalFormatting = '\u202C';

    /// <summary>The text without explicit bidi controls that are unmatched within their line; the same string when there is none.</summary>
    public static string Balance(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        if (!text.AsSpan().ContainsAnyInRange('\u202A', '\u202E') && !text.AsSpan().ContainsAnyInRange('\u2066', '\u2069'))
        {
            return text;
        }

        var dropped = new bool[text.Length];
        var open = new List<int>();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsOpener(c))
            {
                open.Add(i);
            }
            else if (c == PopDirectionalFormatting)
            {
                // A PDF closes the innermost embedding or override, but never one outside an isolate still open.
                if (open.Count > 0 && !IsIsolateOpener(text[open[^1]]))
                {
                    open.RemoveAt(open.Count - 1);
                }
                else
                {
                    dropped[i] = true;
                }
            }
            else if (c == PopDirectionalIsolate)
            {
                var isolate = open.FindLastIndex(at => IsIsolateOpener(text[at]));
                if (isolate < 0)
                {
                    dropped[i] = true;
                    continue;
                }

                // Embeddings opened inside the isolate and never closed are unmatched too.
                for (var k = isolate + 1; k < open.Count; k++)
                {
                    dropped[open[k]] = true;
                }

                open.RemoveRange(isolate, open.Count - isolate);
            }
            else if (c is '\n' or '\r' or '\u2029' or '\u0085')
            {
                DropAll(open, dropped); // a paragraph break ends every embedding and isolate
            }
        }

        DropAll(open, dropped);
        if (Array.IndexOf(dropped, true) < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (!dropped[i])
            {
                builder.Append(text[i]);
            }
        }

        return builder.ToString();
    }

    /// <summary>True when balanced text holds explicit bidi controls or right-to-left letters, and so needs isolating.</summary>
    public static bool NeedsIsolation(string text)
    {
        foreach (var c in text)
        {
            if (c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200F'
                or (>= '\u0590' and <= '\u08FF') or (>= '\uFB1D' and <= '\uFDFF') or (>= '\uFE70' and <= '\uFEFE')
                or (>= '\uD802' and <= '\uD803') or (>= '\uD83A' and <= '\uD83B'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A user field for plain text, Markdown, mrkdwn, card text or DOCX: balanced, and each line that needs it wrapped in FSI…PDI.</summary>
    public static string Isolate(string? text)
    {
        var balanced = Balance(text);
        if (!NeedsIsolation(balanced))
        {
            return balanced;
        }

        var lines = balanced.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = NeedsIsolationOutsideIsolates(lines[i]) ? FirstStrongIsolate + lines[i] + PopDirectionalIsolate : lines[i];
        }

        return string.Join('\n', lines);
    }

    /// <summary>
    /// A user field (or a chat text block) for HTML element content: balanced, encoded with <paramref name="encode"/>,
    /// each line that needs it in a <c>&lt;bdi&gt;</c>, lines joined with <paramref name="lineBreak"/>.
    /// </summary>
    public static string Html(string? text, Func<string, string> encode, string lineBreak = "\n")
    {
        ArgumentNullException.ThrowIfNull(encode);
        var balanced = Balance(text);
        return string.Join(lineBreak, balanced.Split('\n').Select(line => NeedsIsolation(line) ? "<bdi>" + encode(line) + "</bdi>" : encode(line)));
    }

    // What is already inside an isolate (a field isolated once, shown again, or a label of isolated fields) needs no second one.
    private static bool NeedsIsolationOutsideIsolates(string balancedLine)
    {
        var depth = 0;
        foreach (var c in balancedLine)
        {
            if (IsIsolateOpener(c))
            {
                depth++;
            }
            else if (c == PopDirectionalIsolate)
            {
                depth--;
            }
            else if (depth == 0 && NeedsIsolation(c.ToString()))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsOpener(char c) => c is '\u202A' or '\u202B' or '\u202D' or '\u202E' || IsIsolateOpener(c);

    private static bool IsIsolateOpener(char c) => c is '\u2066' or '\u2067' or '\u2068';

    private static void DropAll(List<int> open, bool[] dropped)
    {
        foreach (var at in open)
        {
            dropped[at] = true;
        }

        open.Clear();
    }
}
