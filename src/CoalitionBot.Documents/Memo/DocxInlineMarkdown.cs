using System.Text;

namespace CoalitionBot.Documents;

/// <summary>Writes imported Word runs as Markdown inline text: escaped, with bold/italic/link markers around trimmed text.</summary>
internal static class DocxInlineMarkdown
{
    public static string Write(IReadOnlyList<FlowRun> runs)
    {
        var builder = new StringBuilder();
        foreach (var group in Group(runs))
        {
            var text = group.Text;
            var core = text.Trim();
            if (core.Length == 0)
            {
                builder.Append(text.Length > 0 ? " " : string.Empty);
                continue;
            }

            var leading = text[..(text.Length - text.TrimStart().Length)];
            var trailing = text[text.TrimEnd().Length..];
            var escaped = MarkdownEscape.EscapeInline(core);
            var marker = (group.Bold ? "**" : string.Empty) + (group.Italic ? "*" : string.Empty);
            var formatted = marker + escaped + new string(marker.Reverse().ToArray());
            if (group.Url is { } url)
            {
                formatted = "[" + formatted + "](<" + url.Replace("<", "%3C").Replace(">", "%3E").Replace(" ", "%20") + ">)";
            }

            builder.Append(leading.Length > 0 ? " " : string.Empty).Append(formatted).Append(trailing.Length > 0 ? " " : string.Empty);
        }

        return Collapse(builder.ToString());
    }

    private static List<FlowRun> Group(IReadOnlyList<FlowRun> runs)
    {
        var grouped = new List<FlowRun>();
        foreach (var run in runs)
        {
            if (grouped.Count > 0 && grouped[^1] with { Text = run.Text } == run)
            {
                grouped[^1] = run with { Text = grouped[^1].Text + run.Text };
            }
            else
            {
                grouped.Add(run);
            }
        }

        return grouped;
    }

    private static string Collapse(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c == ' ' && builder.Length > 0 && builder[^1] == ' ')
            {
                continue;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
