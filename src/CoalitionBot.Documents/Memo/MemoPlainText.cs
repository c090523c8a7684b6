using System.Text;

namespace CoalitionBot.Documents;

/// <summary>Renders a memo as plain text for e-mail and chat fallbacks.</summary>
public static class MemoPlainText
{
    /// <summary>
    /// Headings, paragraphs and lists ("- " / "1. ", two spaces per level) separated by blank lines; links as
    /// "text (url)". With <paramref name="numbered"/> each § block starts with "§3 ".
    /// </summary>
    public static string Render(MemoDocument memo, bool numbered = false)
    {
        ArgumentNullException.ThrowIfNull(memo);
        var text = new StringBuilder();
        var counters = new Dictionary<int, int>();
        var lastNumber = 0;
        foreach (var block in MemoFlow.From(memo))
        {
            var newParagraph = block.ParagraphNumber != lastNumber;
            if (text.Length > 0)
            {
                text.Append(newParagraph || block.Kind != FlowBlockKind.ListItem ? "\n\n" : "\n");
            }

            if (numbered && newParagraph)
            {
                text.Append('§').Append(block.ParagraphNumber).Append(' ');
            }

            lastNumber = block.ParagraphNumber;
            text.Append(Prefix(block, counters)).Append(RunsToText(block.Runs));
        }

        return text.Append('\n').ToString();
    }

    /// <summary>Runs as plain text, links written as "text (url)" unless the text already is the URL.</summary>
    public static string RunsToText(IEnumerable<FlowRun> runs)
    {
        var text = new StringBuilder();
        foreach (var run in runs)
        {
            text.Append(run.Text);
            if (run.Url is { } url && !string.Equals(run.Text, url, StringComparison.Ordinal)
                && !string.Equals("mailto:" + run.Text, url, StringComparison.Ordinal))
            {
                text.Append(" (").Append(url).Append(')');
            }
        }

        return text.ToString();
    }

    private static string Prefix(FlowBlock block, Dictionary<int, int> counters)
    {
        var indent = new string(' ', block.Level * 3);
        return block.Kind switch
        {
            FlowBlockKind.ListItem when block.Ordered => indent + Next(counters, block.ListId) + ". ",
            FlowBlockKind.ListItem => indent + "- ",
            FlowBlockKind.Quote => "> ",
            FlowBlockKind.Paragraph or FlowBlockKind.Code => indent,
            _ => string.Empty,
        };
    }

    private static int Next(Dictionary<int, int> counters, int listId)
    {
        counters[listId] = counters.GetValueOrDefault(listId) + 1;
        return counters[listId];
    }
}
