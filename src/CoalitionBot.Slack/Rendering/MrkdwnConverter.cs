using System.Text;
using CoalitionBot.Documents;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CoalitionBot.Slack.Rendering;

/// <summary>
/// Memo Markdown → Slack mrkdwn, walking Markdig's syntax tree (headings, emphasis, lists, links, quotes, code).
/// Every piece of text is escaped; only the markup we emit ourselves is live. Returns one string per top-level block.
/// </summary>
public static class MrkdwnConverter
{
    public static IReadOnlyList<string> Convert(string markdown)
    {
        var document = Markdown.Parse(markdown ?? string.Empty, MemoDocument.Pipeline);
        var blocks = new List<string>();
        foreach (var block in document)
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

    private static void WriteBlock(StringBuilder output, Block block, string prefix)
    {
        switch (block)
        {
            case HeadingBlock heading:
                output.Append(prefix).Append('*').Append(InlineText(heading.Inline).Trim()).Append("*\n");
                break;
            case ParagraphBlock paragraph:
                AppendPrefixed(output, InlineText(paragraph.Inline), prefix);
                break;
            case QuoteBlock quote:
                foreach (var child in quote)
                {
                    WriteBlock(output, child, prefix + "> ");
                }

                break;
            case ListBlock list:
                WriteList(output, list, prefix);
                break;
            case FencedCodeBlock or CodeBlock:
                var code = string.Join('\n', ((LeafBlock)block).Lines.Lines.Take(((LeafBlock)block).Lines.Count).Select(l => l.ToString()));
                AppendPrefixed(output, "```" + SlackText.Escape(code) + "```", prefix);
                break;
            case ThematicBreakBlock:
                output.Append(prefix).Append("──────────\n");
                break;
            case LinkReferenceDefinitionGroup or LinkReferenceDefinition:
                break;
            case LeafBlock leaf:
                AppendPrefixed(output, leaf.Inline is null ? SlackText.Escape(leaf.Lines.ToString()) : InlineText(leaf.Inline), prefix);
                break;
            case ContainerBlock container:
                foreach (var child in container)
                {
                    WriteBlock(output, child, prefix);
                }

                break;
        }
    }

    private static void WriteList(StringBuilder output, ListBlock list, string prefix)
    {
        var number = int.TryParse(list.OrderedStart, out var start) ? start : 1;
        foreach (var item in list.OfType<ListItemBlock>())
        {
            var marker = list.IsOrdered ? $"{number++}. " : "• ";
            var inner = new StringBuilder();
            foreach (var child in item)
            {
                WriteBlock(inner, child, string.Empty);
            }

            var lines = inner.ToString().TrimEnd('\n').Split('\n');
            output.Append(prefix).Append(marker).Append(lines[0]).Append('\n');
            var indent = new string(' ', 4);
            foreach (var line in lines.Skip(1))
            {
                output.Append(prefix).Append(indent).Append(line).Append('\n');
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

    private static string InlineText(ContainerInline? inline)
    {
        var builder = new StringBuilder();
        if (inline is not null)
        {
            WriteInlines(builder, inline);
        }

        return builder.ToString();
    }

    private static void WriteInlines(StringBuilder output, ContainerInline container)
    {
        foreach (var inline in container)
        {
            WriteInline(output, inline);
        }
    }

    private static void WriteInline(StringBuilder output, Inline inline)
    {
        switch (inline)
        {
            case LiteralInline literal:
                output.Append(SlackText.Escape(literal.Content.ToString()));
                break;
            case CodeInline code:
                output.Append('`').Append(SlackText.Escape(code.Content)).Append('`');
                break;
            case LineBreakInline lineBreak:
                output.Append(lineBreak.IsHard ? "\n" : " ");
                break;
            case AutolinkInline autolink:
                output.Append(Link(autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url, null));
                break;
            case LinkInline link when !link.IsImage:
                output.Append(Link(link.Url, InlineText(link)));
                break;
            case LinkInline image:
                output.Append(SlackText.Escape(image.Title ?? string.Empty));
                output.Append(InlineText(image));
                break;
            case EmphasisInline emphasis:
                var mark = emphasis.DelimiterChar == '~' ? "~" : emphasis.DelimiterCount >= 2 ? "*" : "_";
                output.Append(mark);
                WriteInlines(output, emphasis);
                output.Append(mark);
                break;
            case HtmlEntityInline entity:
                output.Append(SlackText.Escape(entity.Transcoded.ToString()));
                break;
            case HtmlInline html:
                output.Append(SlackText.Escape(html.Tag));
                break;
            case ContainerInline other:
                WriteInlines(output, other);
                break;
            default:
                output.Append(SlackText.Escape(inline.ToString() ?? string.Empty));
                break;
        }
    }

    /// <summary>Only http(s) and mailto links become live; anything else (javascript:, slack://) shows as its label.</summary>
    private static string Link(string? url, string? escapedLabel)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https" or "mailto"))
        {
            return escapedLabel ?? SlackText.Escape(url ?? string.Empty);
        }

        var safeUrl = SlackText.Escape(uri.AbsoluteUri).Replace("|", "%7C", StringComparison.Ordinal);
        var label = string.IsNullOrWhiteSpace(escapedLabel) ? string.Empty : "|" + escapedLabel.Replace("|", "¦", StringComparison.Ordinal);
        return "<" + safeUrl + label + ">";
    }
}
