using Markdig.Renderers;

namespace CoalitionBot.Documents;

/// <summary>
/// Writes one memo block as HTML, or as Markdig's plain text (the same walk with tags and escaping off), through
/// Markdig's own writer so escaping, URL encoding and line handling are exactly Markdig's.
/// </summary>
internal sealed class MemoHtmlWriter
{
    private readonly HtmlRenderer output;
    private readonly bool html;
    private bool implicitParagraph;

    private MemoHtmlWriter(HtmlRenderer output, bool html)
    {
        this.output = output;
        this.html = html;
    }

    /// <summary>The block as an HTML fragment (as Markdig renders it), ending in a newline.</summary>
    public static string Html(MemoBlock block) => Render(block, html: true);

    /// <summary>The block's words without markup or link targets, trimmed: what diffs and pickers show.</summary>
    public static string PlainText(MemoBlock block) => Render(block, html: false).Trim();

    private static string Render(MemoBlock block, bool html)
    {
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer) { EnableHtmlForBlock = html, EnableHtmlForInline = html, EnableHtmlEscape = html };
        new MemoHtmlWriter(renderer, html).Write(block, first: false);
        writer.Flush();
        return writer.ToString();
    }

    private void Write(MemoBlock block, bool first)
    {
        switch (block)
        {
            case MemoProse prose:
                WriteProse(prose, first);
                break;
            case MemoHeading heading:
                Tag($"<h{heading.Level}>");
                Write(heading.Inlines);
                TagLine($"</h{heading.Level}>");
                output.EnsureLine();
                break;
            case MemoList list:
                WriteList(list);
                break;
            case MemoQuote quote:
                output.EnsureLine();
                TagLine("<blockquote>");
                var saved = implicitParagraph;
                implicitParagraph = false;
                Write(quote.Blocks);
                implicitParagraph = saved;
                TagLine("</blockquote>");
                output.EnsureLine();
                break;
            case MemoCodeBlock code:
                WriteCode(code);
                break;
            case MemoRule:
                TagLine("<hr />");
                break;
        }
    }

    private void Write(IReadOnlyList<MemoBlock> blocks)
    {
        for (var i = 0; i < blocks.Count; i++)
        {
            Write(blocks[i], first: i == 0);
        }
    }

    private void WriteProse(MemoProse prose, bool first)
    {
        if (!implicitParagraph && html)
        {
            if (!first)
            {
                output.EnsureLine();
            }

            output.Write("<p>");
        }

        Write(prose.Inlines);
        if (!implicitParagraph)
        {
            TagLine("</p>");
            output.EnsureLine();
        }
    }

    private void WriteList(MemoList list)
    {
        output.EnsureLine();
        TagLine(!list.Ordered ? "<ul>" : list.Start == 1 ? "<ol>" : $"<ol start=\"{list.Start}\">");
        foreach (var item in list.Items)
        {
            var previous = implicitParagraph;
            implicitParagraph = !list.Loose;
            output.EnsureLine();
            Tag("<li>");
            Write(item.Blocks);
            TagLine("</li>");
            output.EnsureLine();
            implicitParagraph = previous;
        }

        TagLine(list.Ordered ? "</ol>" : "</ul>");
        output.EnsureLine();
    }

    private void WriteCode(MemoCodeBlock code)
    {
        output.EnsureLine();
        if (html)
        {
            output.Write("<pre><code");
            if (code.Language is { } language)
            {
                output.Write(" class=\"language-").WriteEscape(language).Write("\"");
            }

            output.Write(">");
        }

        foreach (var line in code.Lines)
        {
            Text(line);
            output.WriteLine();
        }

        TagLine("</code></pre>");
        output.EnsureLine();
    }

    private void Write(IReadOnlyList<MemoInline> inlines)
    {
        foreach (var inline in inlines)
        {
            switch (inline)
            {
                case MemoText text:
                    Text(text.Text);
                    break;
                case MemoCodeSpan code:
                    Tag("<code>");
                    Text(code.Text);
                    Tag("</code>");
                    break;
                case MemoLineBreak lineBreak:
                    if (lineBreak.Hard)
                    {
                        TagLine("<br />");
                    }

                    output.EnsureLine();
                    break;
                case MemoEmphasis emphasis:
                    var tag = TagName(emphasis.Style);
                    Tag($"<{tag}>");
                    Write(emphasis.Inlines);
                    Tag($"</{tag}>");
                    break;
                case MemoLink link:
                    WriteLink(link);
                    break;
            }
        }
    }

    private void WriteLink(MemoLink link)
    {
        if (html)
        {
            output.Write("<a href=\"").WriteEscapeUrl(link.Url).Write("\"");
            if (!string.IsNullOrEmpty(link.Title))
            {
                output.Write(" title=\"").WriteEscape(link.Title).Write("\"");
            }

            output.Write(">");
        }

        Write(link.Inlines);
        Tag("</a>");
    }

    private void Text(string text)
    {
        if (html)
        {
            output.WriteEscape(text);
        }
        else
        {
            output.Write(text);
        }
    }

    private void Tag(string tag)
    {
        if (html)
        {
            output.Write(tag);
        }
    }

    private void TagLine(string tag)
    {
        if (html)
        {
            output.WriteLine(tag);
        }
    }

    private static string TagName(MemoEmphasisStyle style) => style switch
    {
        MemoEmphasisStyle.Italic => "em",
        MemoEmphasisStyle.Bold => "strong",
        MemoEmphasisStyle.Strikethrough => "del",
        MemoEmphasisStyle.Subscript => "sub",
        MemoEmphasisStyle.Superscript => "sup",
        MemoEmphasisStyle.Inserted => "ins",
        _ => "mark",
    };
}
