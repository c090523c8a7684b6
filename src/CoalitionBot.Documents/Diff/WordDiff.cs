using System.Text;
using System.Text.RegularExpressions;

namespace CoalitionBot.Documents;

/// <summary>A word-level diff of two texts, renderable for chat ([-old-]{+new+}) and HTML (&lt;del&gt;/&lt;ins&gt;).</summary>
public sealed partial class WordDiff
{
    private WordDiff(IReadOnlyList<DiffSegment> segments) => Segments = segments;

    public IReadOnlyList<DiffSegment> Segments { get; }

    /// <summary>Words (not spaces or punctuation) removed plus words added.</summary>
    public int ChangedWords => Segments.Where(s => s.Operation != DiffOperation.Equal).Sum(s => CountWords(s.Text));

    /// <summary>Diffs two texts by words, spaces and punctuation marks, aligned by <see cref="SequenceDiff"/>.</summary>
    public static WordDiff Compute(string oldText, string newText)
    {
        ArgumentNullException.ThrowIfNull(oldText);
        ArgumentNullException.ThrowIfNull(newText);
        var a = Tokenise(oldText);
        var b = Tokenise(newText);
        var ops = new List<(DiffOperation Op, string Token)>();
        int x = 0, y = 0;
        foreach (var (o, n) in SequenceDiff.Matches(a, b).Append((a.Count, b.Count)))
        {
            ops.AddRange(a.Skip(x).Take(o - x).Select(t => (DiffOperation.Delete, t)));
            ops.AddRange(b.Skip(y).Take(n - y).Select(t => (DiffOperation.Insert, t)));
            if (o < a.Count)
            {
                ops.Add((DiffOperation.Equal, a[o]));
            }

            x = o + 1;
            y = n + 1;
        }

        return new WordDiff(Tidy(ops));
    }

    /// <summary>
    /// Plain text for chat: deletions as [-old-], insertions as {+new+}. With <paramref name="contextWords"/>,
    /// unchanged stretches longer than that many words on each side of a change are cut to "…", so a one-word
    /// edit in a long paragraph fits in a chat message.
    /// </summary>
    public string ToChatText(int? contextWords = null)
    {
        var text = new StringBuilder();
        for (var i = 0; i < Segments.Count; i++)
        {
            var segment = Segments[i];
            _ = segment.Operation switch
            {
                DiffOperation.Delete => text.Append("[-").Append(segment.Text).Append("-]"),
                DiffOperation.Insert => text.Append("{+").Append(segment.Text).Append("+}"),
                _ => text.Append(contextWords is { } n ? Elide(segment.Text, n, keepStart: i > 0, keepEnd: i < Segments.Count - 1) : segment.Text),
            };
        }

        return text.ToString();
    }

    private static string Elide(string text, int words, bool keepStart, bool keepEnd)
    {
        var tokens = Tokenise(text);
        var wordIndexes = tokens.Select((t, i) => (t, i)).Where(x => WordPattern().IsMatch(x.t)).Select(x => x.i).ToList();
        var keep = (keepStart ? words : 0) + (keepEnd ? words : 0);
        if (wordIndexes.Count <= keep + words)
        {
            return text;
        }

        var head = keepStart ? string.Concat(tokens.Take(wordIndexes[words - 1] + 1)) : string.Empty;
        var tail = keepEnd ? string.Concat(tokens.Skip(wordIndexes[^words])) : string.Empty;
        return keepStart ? head.TrimEnd() + " …" + (keepEnd ? " " + tail.TrimStart() : string.Empty) : "… " + tail.TrimStart();
    }

    /// <summary>HTML with every piece of text escaped: deletions in &lt;del&gt;, insertions in &lt;ins&gt;.</summary>
    public string ToHtml()
    {
        var html = new StringBuilder();
        foreach (var segment in Segments)
        {
            var escaped = HtmlText.Escape(segment.Text).Replace("\n", "<br>\n", StringComparison.Ordinal);
            _ = segment.Operation switch
            {
                DiffOperation.Delete => html.Append("<del>").Append(escaped).Append("</del>"),
                DiffOperation.Insert => html.Append("<ins>").Append(escaped).Append("</ins>"),
                _ => html.Append(escaped),
            };
        }

        return html.ToString();
    }

    internal static int CountWords(string text) => WordPattern().Count(text);

    internal static List<string> Tokenise(string text) =>
        TokenPattern().Matches(text).Select(m => m.Value).ToList();

    // Groups each run of changes into one deletion then one insertion, and folds a lone space or punctuation
    // mark between two changes into them, so "[-twenty-]{+thirty+}-[-four-]{+six+}" reads "[-twenty-four-]{+thirty-six+}".
    private static List<DiffSegment> Tidy(List<(DiffOperation Op, string Token)> ops)
    {
        var segments = new List<DiffSegment>();
        var deleted = new StringBuilder();
        var inserted = new StringBuilder();
        for (var i = 0; i < ops.Count; i++)
        {
            var (op, token) = ops[i];
            var bridging = op == DiffOperation.Equal && (string.IsNullOrWhiteSpace(token) || (token.Length == 1 && !char.IsLetterOrDigit(token[0])))
                && (deleted.Length > 0 || inserted.Length > 0)
                && i + 1 < ops.Count && ops[i + 1].Op != DiffOperation.Equal;
            if (bridging)
            {
                deleted.Append(token);
                inserted.Append(token);
                continue;
            }

            switch (op)
            {
                case DiffOperation.Delete:
                    deleted.Append(token);
                    break;
                case DiffOperation.Insert:
                    inserted.Append(token);
                    break;
                default:
                    Flush(segments, deleted, inserted);
                    Append(segments, DiffOperation.Equal, token);
                    break;
            }
        }

        Flush(segments, deleted, inserted);
        return segments;
    }

    private static void Flush(List<DiffSegment> segments, StringBuilder deleted, StringBuilder inserted)
    {
        var hasDelete = deleted.ToString().Trim().Length > 0 || (deleted.Length > 0 && inserted.Length == 0);
        var hasInsert = inserted.ToString().Trim().Length > 0 || (inserted.Length > 0 && deleted.Length == 0);
        if (hasDelete)
        {
            Append(segments, DiffOperation.Delete, deleted.ToString());
        }

        if (hasInsert)
        {
            Append(segments, DiffOperation.Insert, inserted.ToString());
        }

        deleted.Clear();
        inserted.Clear();
    }

    private static void Append(List<DiffSegment> segments, DiffOperation op, string text)
    {
        if (segments.Count > 0 && segments[^1].Operation == op)
        {
            segments[^1] = segments[^1] with { Text = segments[^1].Text + text };
        }
        else
        {
            segments.Add(new DiffSegment(op, text));
        }
    }

    [GeneratedRegex(@"\w+|\s+|[^\w\s]", RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();

    [GeneratedRegex(@"\w+", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();
}
