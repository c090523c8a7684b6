using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CoalitionBot.Documents;

/// <summary>Flattens a memo into <see cref="FlowBlock"/>s for renderers that are not HTML (plain text, DOCX).</summary>
public static class MemoFlow
{
    /// <summary>The memo's blocks in reading order, each tagged with its §n, links already restricted to safe schemes.</summary>
    public static IReadOnlyList<FlowBlock> From(MemoDocument memo)
    {
        ArgumentNullException.ThrowIfNull(memo);
        var blocks = new List<FlowBlock>();
        var state = new State();
        var number = 0;
        foreach (var block in MemoSyntax.SanitisedTopLevelBlocks(memo))
        {
            number++;
            AddBlock(blocks, state, number, block, depth: 0, quoted: false);
        }

        return blocks;
    }

    private sealed class State
    {
        public int NextListId { get; set; } = 1;
    }

    private static void AddBlock(List<FlowBlock> blocks, State state, int number, Block block, int depth, bool quoted)
    {
        switch (block)
        {
            case HeadingBlock heading:
                blocks.Add(new FlowBlock(number, FlowBlockKind.Heading, heading.Level, false, 0, Runs(heading.Inline)));
                break;
            case ParagraphBlock paragraph:
                var kind = quoted ? FlowBlockKind.Quote : FlowBlockKind.Paragraph;
                blocks.Add(new FlowBlock(number, kind, depth, false, 0, Runs(paragraph.Inline)));
                break;
            case ListBlock list:
                AddList(blocks, state, number, list, depth, quoted);
                break;
            case QuoteBlock quote:
                foreach (var child in quote)
                {
                    AddBlock(blocks, state, number, child, depth, quoted: true);
                }

                break;
            case CodeBlock code:
                var text = string.Join('\n', code.Lines.Lines.Take(code.Lines.Count).Select(l => l.ToString()));
                blocks.Add(new FlowBlock(number, FlowBlockKind.Code, depth, false, 0, [new FlowRun(text, Code: true)]));
                break;
            case ContainerBlock container:
                foreach (var child in container)
                {
                    AddBlock(blocks, state, number, child, depth, quoted);
                }

                break;
        }
    }

    private static void AddList(List<FlowBlock> blocks, State state, int number, ListBlock list, int depth, bool quoted)
    {
        var listId = state.NextListId++;
        foreach (var item in list.OfType<ListItemBlock>())
        {
            var first = true;
            foreach (var child in item)
            {
                if (first && child is ParagraphBlock paragraph)
                {
                    blocks.Add(new FlowBlock(number, FlowBlockKind.ListItem, depth, list.IsOrdered, listId, Runs(paragraph.Inline)));
                }
                else
                {
                    AddBlock(blocks, state, number, child, depth + 1, quoted);
                }

                first = false;
            }
        }
    }

    private static List<FlowRun> Runs(ContainerInline? inline)
    {
        var runs = new List<FlowRun>();
        if (inline is not null)
        {
            AddInlines(runs, inline, new FlowRun(string.Empty));
        }

        return Merge(runs);
    }

    private static void AddInlines(List<FlowRun> runs, ContainerInline container, FlowRun style)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    runs.Add(style with { Text = literal.Content.ToString() });
                    break;
                case CodeInline code:
                    runs.Add(style with { Text = code.Content, Code = true });
                    break;
                case LineBreakInline lineBreak:
                    runs.Add(style with { Text = lineBreak.IsHard ? "\n" : " " });
                    break;
                case HtmlEntityInline entity:
                    runs.Add(style with { Text = entity.Transcoded.ToString() });
                    break;
                case AutolinkInline autolink:
                    runs.Add(style with { Text = autolink.Url, Url = autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url });
                    break;
                case LinkInline link:
                    AddInlines(runs, link, style with { Url = link.Url });
                    break;
                case EmphasisInline emphasis:
                    var inner = emphasis.DelimiterChar is '*' or '_'
                        ? emphasis.DelimiterCount >= 2 ? style with { Bold = true } : style with { Italic = true }
                        : style;
                    AddInlines(runs, emphasis, inner);
                    break;
                case ContainerInline other:
                    AddInlines(runs, other, style);
                    break;
                default:
                    runs.Add(style with { Text = inline.ToString() ?? string.Empty });
                    break;
            }
        }
    }

    private static List<FlowRun> Merge(List<FlowRun> runs)
    {
        var merged = new List<FlowRun>();
        foreach (var run in runs.Where(r => r.Text.Length > 0))
        {
            if (merged.Count > 0 && merged[^1] with { Text = run.Text } == run)
            {
                merged[^1] = run with { Text = merged[^1].Text + run.Text };
            }
            else
            {
                merged.Add(run);
            }
        }

        return merged;
    }
}
