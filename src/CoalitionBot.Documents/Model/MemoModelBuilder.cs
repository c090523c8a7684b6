using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CoalitionBot.Documents;

/// <summary>
/// Turns Markdig's syntax tree into the memo model: the only place that reads Markdig's tree. Links are checked
/// against <see cref="SafeLinks"/> here: unsafe links are unwrapped to their text, unsafe autolinks become text,
/// and images become their alt text (a memo should not load remote images into readers' mail).
/// </summary>
internal static class MemoModelBuilder
{
    /// <summary>The model of one block, or null for what no renderer shows (link reference definitions).</summary>
    public static MemoBlock? Block(Block block) => block switch
    {
        HeadingBlock heading => new MemoHeading(heading.Level, Inlines(heading.Inline)),
        ParagraphBlock paragraph => new MemoProse(Inlines(paragraph.Inline)),
        ListBlock list => new MemoList(
            list.IsOrdered,
            int.TryParse(list.OrderedStart, out var start) ? start : 1,
            list.IsLoose,
            list.OfType<ListItemBlock>().Select(item => new MemoListItem(Blocks(item))).ToList()),
        QuoteBlock quote => new MemoQuote(Blocks(quote)),
        CodeBlock code => new MemoCodeBlock(
            (code.Lines.Lines ?? []).Take(code.Lines.Count).Select(l => l.ToString()).ToList(),
            code is FencedCodeBlock { Info: { Length: > 0 } info } ? info : null),
        ThematicBreakBlock => new MemoRule(),
        _ => null,
    };

    private static List<MemoBlock> Blocks(ContainerBlock container)
    {
        var blocks = new List<MemoBlock>();
        foreach (var child in container)
        {
            if (child is ContainerBlock other and not (ListBlock or QuoteBlock))
            {
                blocks.AddRange(Blocks(other));
            }
            else if (Block(child) is { } block)
            {
                blocks.Add(block);
            }
        }

        return blocks;
    }

    private static List<MemoInline> Inlines(ContainerInline? container)
    {
        var inlines = new List<MemoInline>();
        if (container is not null)
        {
            Add(inlines, container);
        }

        return inlines;
    }

    private static void Add(List<MemoInline> inlines, ContainerInline container)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    inlines.Add(new MemoText(literal.Content.ToString()));
                    break;
                case HtmlEntityInline entity:
                    inlines.Add(new MemoText(entity.Transcoded.ToString()));
                    break;
                case CodeInline code:
                    inlines.Add(new MemoCodeSpan(code.Content));
                    break;
                case LineBreakInline lineBreak:
                    inlines.Add(new MemoLineBreak(lineBreak.IsHard));
                    break;
                case AutolinkInline autolink:
                    var target = autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url;
                    inlines.Add(SafeLinks.TryAllow(target, out var autoAddress)
                        ? new MemoLink(target, autoAddress, null, IsAutolink: true, [new MemoText(autolink.Url)])
                        : new MemoText(autolink.Url));
                    break;
                case LinkInline { IsImage: true } image:
                    inlines.Add(new MemoText(string.Concat(image.Descendants<LiteralInline>().Select(l => l.Content.ToString()))));
                    break;
                case LinkInline link:
                    var url = link.GetDynamicUrl?.Invoke() ?? link.Url;
                    if (SafeLinks.TryAllow(url, out var address))
                    {
                        inlines.Add(new MemoLink(url!, address, link.Title, IsAutolink: false, Inlines(link)));
                    }
                    else
                    {
                        Add(inlines, link);
                    }

                    break;
                case EmphasisInline emphasis:
                    inlines.Add(new MemoEmphasis(Style(emphasis), Inlines(emphasis)));
                    break;
                case DelimiterInline delimiter:
                    // An unmatched "[" or "*" that Markdig left as a delimiter: its text, then what follows it.
                    inlines.Add(new MemoText(delimiter.ToLiteral()));
                    Add(inlines, delimiter);
                    break;
                case ContainerInline other:
                    Add(inlines, other);
                    break;
                default:
                    inlines.Add(new MemoText(inline.ToString() ?? string.Empty));
                    break;
            }
        }
    }

    private static MemoEmphasisStyle Style(EmphasisInline emphasis) => (emphasis.DelimiterChar, emphasis.DelimiterCount) switch
    {
        ('*' or '_', >= 2) => MemoEmphasisStyle.Bold,
        ('*' or '_', _) => MemoEmphasisStyle.Italic,
        ('~', >= 2) => MemoEmphasisStyle.Strikethrough,
        ('~', _) => MemoEmphasisStyle.Subscript,
        ('^', _) => MemoEmphasisStyle.Superscript,
        ('+', _) => MemoEmphasisStyle.Inserted,
        _ => MemoEmphasisStyle.Marked,
    };
}
