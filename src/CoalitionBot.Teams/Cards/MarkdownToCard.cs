using System.Text;
using System.Text.Json.Nodes;
using CoalitionBot.Documents;
using Markdig;
using Markdig.Extensions.EmphasisExtras;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CoalitionBot.Teams.Cards;

/// <summary>
/// Turns memo Markdown (parsed with the memo pipeline, raw HTML off) into Adaptive Card elements using only the
/// Markdown Teams renders in TextBlocks: bold, italic, lists, http(s) links. Everything else becomes escaped text.
/// </summary>
internal static class MarkdownToCard
{
    /// <summary>Longest text put into one TextBlock, so one huge paragraph can still be split across cards.</summary>
    public const int MaxTextBlockChars = 6000;

    public static List<JsonObject> ToElements(string markdown)
    {
        var document = Markdown.Parse(markdown ?? string.Empty, MemoDocument.Pipeline);
        var elements = new List<JsonObject>();
        var separatorNext = false;
        foreach (var block in document)
        {
            if (block is ThematicBreakBlock)
            {
                separatorNext = true;
                continue;
            }

            foreach (var element in RenderBlock(block))
            {
                if (separatorNext)
                {
                    element["separator"] = true;
                    separatorNext = false;
                }

                elements.Add(element);
            }
        }

        return elements;
    }

    private static IEnumerable<JsonObject> RenderBlock(Block block)
    {
        switch (block)
        {
            case HeadingBlock heading:
                yield return TextBlock(Inlines(heading.Inline), heading.Level <= 1 ? "large" : "medium", bold: true);
                break;
            case ParagraphBlock paragraph:
                foreach (var piece in Chunks(Inlines(paragraph.Inline)))
                {
                    yield return TextBlock(piece);
                }

                break;
            case ListBlock list:
                var lines = new List<string>();
                ListLines(list, 0, lines);
                foreach (var piece in ChunkLines(lines))
                {
                    yield return TextBlock(piece);
                }

                break;
            case QuoteBlock quote:
                var items = new JsonArray();
                foreach (var child in quote)
                {
                    foreach (var element in RenderBlock(child))
                    {
                        items.Add(element);
                    }
                }

                if (items.Count > 0)
                {
                    yield return new JsonObject { ["type"] = "Container", ["style"] = "emphasis", ["items"] = items };
                }

                break;
            case CodeBlock code:
                var text = string.Join("\n", code.Lines.Lines.Take(code.Lines.Count).Select(l => l.ToString()));
                foreach (var piece in Chunks(CardText.EscapeMultiline(text)))
                {
                    var element = TextBlock(piece);
                    element["fontType"] = "monospace";
                    yield return element;
                }

                break;
            case LinkReferenceDefinitionGroup:
                break;
            case LeafBlock leaf when leaf.Inline is not null:
                yield return TextBlock(Inlines(leaf.Inline));
                break;
            case ContainerBlock container:
                foreach (var child in container)
                {
                    foreach (var element in RenderBlock(child))
                    {
                        yield return element;
                    }
                }

                break;
        }
    }

    private static void ListLines(ListBlock list, int depth, List<string> lines)
    {
        var number = int.TryParse(list.OrderedStart, out var start) ? start : 1;
        foreach (var item in list.OfType<ListItemBlock>())
        {
            var marker = list.IsOrdered ? $"{number++}. " : "- ";
            var indent = depth == 0 ? string.Empty : new string('\u00a0', depth * 4) + "◦ ";
            var text = new List<string>();
            foreach (var child in item)
            {
                if (child is ListBlock nested)
                {
                    if (text.Count > 0)
                    {
                        lines.Add(marker + indent + string.Join(" ", text));
                        text.Clear();
                        marker = "- ";
                    }

                    ListLines(nested, depth + 1, lines);
                }
                else if (child is LeafBlock { Inline: not null } leaf)
                {
                    text.Add(Inlines(leaf.Inline));
                }
            }

            if (text.Count > 0)
            {
                lines.Add(marker + indent + string.Join(" ", text));
            }
        }
    }

    private static JsonObject TextBlock(string text, string? size = null, bool bold = false)
    {
        var element = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (size is not null)
        {
            element["size"] = size;
        }

        if (bold)
        {
            element["weight"] = "bolder";
        }

        return element;
    }

    private static string Inlines(ContainerInline? container)
    {
        var builder = new StringBuilder();
        if (container is not null)
        {
            AppendInlines(container, builder);
        }

        return builder.ToString().Trim();
    }

    private static void AppendInlines(ContainerInline container, StringBuilder builder)
    {
        foreach (var inline in container)
        {
            AppendInline(inline, builder);
        }
    }

    private static void AppendInline(Inline inline, StringBuilder builder)
    {
        switch (inline)
        {
            case LiteralInline literal:
                builder.Append(CardText.Escape(literal.Content.ToString()));
                break;
            case CodeInline code:
                builder.Append(CardText.Escape(code.Content));
                break;
            case LineBreakInline lineBreak:
                builder.Append(lineBreak.IsHard ? "\n\n" : " ");
                break;
            case HtmlEntityInline entity:
                builder.Append(CardText.Escape(entity.Transcoded.ToString()));
                break;
            case AutolinkInline autolink:
                AppendLink(builder, CardText.Escape(autolink.Url), autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url);
                break;
            case LinkInline link:
                var label = new StringBuilder();
                AppendInlines(link, label);
                var text = label.Length > 0 ? label.ToString() : CardText.Escape(link.Url ?? string.Empty);
                if (link.IsImage)
                {
                    text = "Image: " + text;
                }

                AppendLink(builder, text, link.GetDynamicUrl?.Invoke() ?? link.Url);
                break;
            case EmphasisInline emphasis:
                var inner = new StringBuilder();
                AppendInlines(emphasis, inner);
                var content = inner.ToString();
                if (content.Trim().Length == 0 || emphasis.DelimiterChar is not ('*' or '_'))
                {
                    // Strikethrough, super/subscript, insert and mark have no Teams rendering: keep the words.
                    builder.Append(content);
                }
                else
                {
                    var delimiter = emphasis.DelimiterCount >= 2 ? "**" : "_";
                    builder.Append(delimiter).Append(content).Append(delimiter);
                }

                break;
            case ContainerInline nested:
                AppendInlines(nested, builder);
                break;
            default:
                builder.Append(CardText.Escape(inline.ToString() ?? string.Empty));
                break;
        }
    }

    // Only absolute http(s) and mailto links survive; anything else (javascript:, relative) is shown as its words.
    private static void AppendLink(StringBuilder builder, string label, string? url)
    {
        if (url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "mailto")
        {
            var safe = uri.AbsoluteUri.Replace("(", "%28").Replace(")", "%29").Replace(" ", "%20");
            builder.Append('[').Append(label).Append("](").Append(safe).Append(')');
        }
        else
        {
            builder.Append(label);
        }
    }

    private static IEnumerable<string> Chunks(string text)
    {
        var start = 0;
        while (start < text.Length)
        {
            var length = Math.Min(MaxTextBlockChars, text.Length - start);

            // Do not cut an escape sequence ("\*") in two.
            if (start + length < text.Length && text[start + length - 1] == '\\')
            {
                length--;
            }

            yield return text.Substring(start, length);
            start += length;
        }
    }

    private static IEnumerable<string> ChunkLines(List<string> lines)
    {
        var current = new StringBuilder();
        foreach (var line in lines)
        {
            if (current.Length > 0 && current.Length + line.Length > MaxTextBlockChars)
            {
                yield return current.ToString();
                current.Clear();
            }

            if (current.Length > 0)
            {
                current.Append('\r');
            }

            current.Append(line);
        }

        if (current.Length > 0)
        {
            yield return current.ToString();
        }
    }
}
