using System.Text;
using CoalitionBot.Documents;

namespace CoalitionBot.Slack.Rendering;

/// <summary>
/// The memo model → Slack mrkdwn (headings, emphasis, lists, links, quotes, code). Every piece of text is escaped;
/// only the markup we emit ourselves is live; links arrive already restricted by <see cref="SafeLinks"/>.
/// Returns one string per top-level block.
/// </summary>
public static class MrkdwnConverter
{
    public static IReadOnlyList<string> Convert(string markdown) => Render(MemoDocument.Parse(markdown ?? string.Empty));

    public static IReadOnlyList<string> Render(MemoDocument memo)
    {
        ArgumentNullException.ThrowIfNull(memo);
        var blocks = new List<string>();
        foreach (var block in memo.Blocks)
        {
            var builder = new StringBuilder();
            WriteBlock(builder, block, string.Empty);
            var text = builder.ToString().TrimEnd();
            if (text.Length > 0)
            {
                blocks.Add(text);
            }
        }

        return blocks;
    }

    private static void WriteBlock(StringBuilder output, MemoBlock block, string prefix)
    {
        switch (block)
        {
            case MemoHeading heading:
                output.Append(prefix).Append('*').Append(InlineText(heading.Inlines).Trim()).Append("*\n");
                break;
            case MemoProse prose:
                AppendPrefixed(output, InlineText(prose.Inlines), prefix);
                break;
            case MemoQuote quote:
                foreach (var child in quote.Blocks)
                {
                    WriteBlock(output, child, prefix + "> ");
                }

                break;
            case MemoList list:
                WriteList(output, list, prefix);
                break;
            case MemoCodeBlock code:
                AppendPrefixed(output, "```" + SlackText.Escape(code.Text) + "```", prefix);
                break;
            case MemoRule:
                output.Append(prefix).Append("──────────\n");
                break;
        }
    }

    private static void WriteList(StringBuilder output, MemoList list, string prefix)
    {
        var number = list.Start;
        foreach (var item in list.Items)
        {
            var marker = list.Ordered ? $"{number++}. " : "• ";
            var inner = new StringBuilder();
            foreach (var child in item.Blocks)
            {
                WriteBlock(inner, child, string.Empty);
            }

            var lines = inner.ToString().TrimEnd('\n').Split('\n');
            output.Append(prefix).Append(marker).Append(lines[0]).Append('\n');
            foreach (var line in lines.Skip(1))
            {
                output.Append(prefix).Append("    ").Append(line).Append('\n');
            }
        }
    }

    private static void AppendPrefixed(StringBuilder output, string text, string prefix)
    {
        foreach (var line in text.Split('\n'))
        {
            output.Append(prefix).Append(line).Append('\n');
        }
    }

    private static string InlineText(IReadOnlyList<MemoInline> inlines)
    {
        var builder = new StringBuilder();
        WriteInlines(builder, inlines);
        return builder.ToString();
    }

    private static void WriteInlines(StringBuilder output, IReadOnlyList<MemoInline> inlines)
    {
        foreach (var inline in inlines)
        {
            _ = inline switch
            {
                MemoText text => output.Append(SlackText.Escape(text.Text)),
                MemoCodeSpan code => output.Append('`').Append(SlackText.Escape(code.Text)).Append('`'),
                MemoLineBreak lineBreak => output.Append(lineBreak.Hard ? "\n" : " "),
                MemoLink link => output.Append(Link(link)),
                MemoEmphasis emphasis => Emphasis(output, emphasis),
                _ => output,
            };
        }
    }

    private static StringBuilder Emphasis(StringBuilder output, MemoEmphasis emphasis)
    {
        var mark = emphasis.Style switch
        {
            MemoEmphasisStyle.Strikethrough or MemoEmphasisStyle.Subscript => "~",
            MemoEmphasisStyle.Italic or MemoEmphasisStyle.Superscript => "_",
            _ => "*",
        };
        output.Append(mark);
        WriteInlines(output, emphasis.Inlines);
        return output.Append(mark);
    }

    /// <summary>&lt;url|label&gt;; an autolink shows its address, so it gets no label.</summary>
    private static string Link(MemoLink link)
    {
        var safeUrl = SlackText.Escape(link.Address.AbsoluteUri).Replace("|", "%7C", StringComparison.Ordinal);
        var escapedLabel = link.IsAutolink ? string.Empty : InlineText(link.Inlines);
        var label = string.IsNullOrWhiteSpace(escapedLabel) ? string.Empty : "|" + escapedLabel.Replace("|", "¦", StringComparison.Ordinal);
        return "<" + safeUrl + label + ">";
    }
}
