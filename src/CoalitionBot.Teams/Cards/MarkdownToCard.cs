using System.Text;
using System.Text.Json.Nodes;
using CoalitionBot.Documents;

namespace CoalitionBot.Teams.Cards;

/// <summary>
/// Turns the memo model into Adaptive Card elements using only the Markdown Teams renders in TextBlocks: bold,
/// italic, lists, links (already restricted by <see cref="SafeLinks"/>). Everything else becomes escaped text.
/// </summary>
internal static class MarkdownToCard
{
    /// <summary>Longest text put into one TextBlock, so one huge paragraph can still be split across cards.</summary>
    public const int MaxTextBlockChars = 6000;

    public static List<JsonObject> ToElements(string markdown) => ToElements(MemoDocument.Parse(markdown ?? string.Empty));

    public static List<JsonObject> ToElements(MemoDocument memo)
    {
        var elements = new List<JsonObject>();
        var separatorNext = false;
        foreach (var block in memo.Blocks)
        {
            if (block is MemoRule)
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

    private static IEnumerable<JsonObject> RenderBlock(MemoBlock block)
    {
        switch (block)
        {
            case MemoHeading heading:
                yield return TextBlock(Inlines(heading.Inlines), heading.Level <= 1 ? "large" : "medium", bold: true);
                break;
            case MemoProse prose:
                foreach (var piece in Chunks(Inlines(prose.Inlines)))
                {
                    yield return TextBlock(piece);
                }

                break;
            case MemoList list:
                var lines = new List<string>();
                ListLines(list, 0, lines);
                foreach (var piece in ChunkLines(lines))
                {
                    yield return TextBlock(piece);
                }

                break;
            case MemoQuote quote:
                var items = new JsonArray();
                foreach (var child in quote.Blocks)
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
            case MemoCodeBlock code:
                foreach (var piece in Chunks(CardText.EscapeMultiline(code.Text)))
                {
                    var element = TextBlock(piece);
                    element["fontType"] = "monospace";
                    yield return element;
                }

                break;
        }
    }

    private static void ListLines(MemoList list, int depth, List<string> lines)
    {
        var number = list.Start;
        foreach (var item in list.Items)
        {
            var marker = list.Ordered ? $"{number++}. " : "- ";
            var indent = depth == 0 ? string.Empty : new string('\u00a0', depth * 4) + "◦ ";
            var text = new List<string>();
            foreach (var child in item.Blocks)
            {
                if (child is MemoList nested)
                {
                    if (text.Count > 0)
                    {
                        lines.Add(marker + indent + string.Join(" ", text));
                        text.Clear();
                        marker = "- ";
                    }

                    ListLines(nested, depth + 1, lines);
                }
                else if (child is MemoProse or MemoHeading)
                {
                    text.Add(Inlines(child is MemoProse prose ? prose.Inlines : ((MemoHeading)child).Inlines));
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

    private static string Inlines(IReadOnlyList<MemoInline> inlines)
    {
        var builder = new StringBuilder();
        AppendInlines(inlines, builder);
        return builder.ToString().Trim();
    }

    private static void AppendInlines(IReadOnlyList<MemoInline> inlines, StringBuilder builder)
    {
        foreach (var inline in inlines)
        {
            _ = inline switch
            {
                MemoText text => builder.Append(CardText.Escape(text.Text)),
                MemoCodeSpan code => builder.Append(CardText.Escape(code.Text)),
                MemoLineBreak lineBreak => builder.Append(lineBreak.Hard ? "\n\n" : " "),
                MemoLink link => AppendLink(builder, link),
                MemoEmphasis emphasis => AppendEmphasis(builder, emphasis),
                _ => builder,
            };
        }
    }

    private static StringBuilder AppendEmphasis(StringBuilder builder, MemoEmphasis emphasis)
    {
        var inner = new StringBuilder();
        AppendInlines(emphasis.Inlines, inner);
        var content = inner.ToString();
        if (content.Trim().Length == 0 || emphasis.Style is not (MemoEmphasisStyle.Bold or MemoEmphasisStyle.Italic))
        {
            // Strikethrough, super/subscript, insert and mark have no Teams rendering: keep the words.
            return builder.Append(content);
        }

        var delimiter = emphasis.Style == MemoEmphasisStyle.Bold ? "**" : "_";
        return builder.Append(delimiter).Append(content).Append(delimiter);
    }

    private static StringBuilder AppendLink(StringBuilder builder, MemoLink link)
    {
        var label = new StringBuilder();
        AppendInlines(link.Inlines, label);
        var text = label.Length > 0 ? label.ToString() : CardText.Escape(link.Url);
        var safe = link.Address.AbsoluteUri.Replace("(", "%28").Replace(")", "%29").Replace(" ", "%20");
        return builder.Append('[').Append(text).Append("](").Append(safe).Append(')');
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
