namespace CoalitionBot.Documents;

/// <summary>Flattens the memo model into <see cref="FlowBlock"/>s for line-by-line renderers (plain text, DOCX).</summary>
public static class MemoFlow
{
    /// <summary>The memo's blocks in reading order, each tagged with its §n, links already restricted to safe schemes.</summary>
    public static IReadOnlyList<FlowBlock> From(MemoDocument memo)
    {
        ArgumentNullException.ThrowIfNull(memo);
        var flow = new Flattener();
        foreach (var paragraph in memo.Paragraphs)
        {
            flow.Add(paragraph.Number, paragraph.Block, depth: 0, quoted: false);
        }

        return flow.Blocks;
    }

    /// <summary>Runs of one formatting each, merged where neighbours look the same.</summary>
    public static IReadOnlyList<FlowRun> Runs(IReadOnlyList<MemoInline> inlines)
    {
        var runs = new List<FlowRun>();
        AddRuns(runs, inlines, new FlowRun(string.Empty));
        return Merge(runs);
    }

    private sealed class Flattener
    {
        private int nextListId = 1;

        public List<FlowBlock> Blocks { get; } = [];

        public void Add(int number, MemoBlock block, int depth, bool quoted)
        {
            switch (block)
            {
                case MemoHeading heading:
                    Blocks.Add(new FlowBlock(number, FlowBlockKind.Heading, heading.Level, false, 0, Runs(heading.Inlines)));
                    break;
                case MemoProse prose:
                    Blocks.Add(new FlowBlock(number, quoted ? FlowBlockKind.Quote : FlowBlockKind.Paragraph, depth, false, 0, Runs(prose.Inlines)));
                    break;
                case MemoList list:
                    AddList(number, list, depth, quoted);
                    break;
                case MemoQuote quote:
                    foreach (var child in quote.Blocks)
                    {
                        Add(number, child, depth, quoted: true);
                    }

                    break;
                case MemoCodeBlock code:
                    Blocks.Add(new FlowBlock(number, FlowBlockKind.Code, depth, false, 0, [new FlowRun(code.Text, Code: true)]));
                    break;
            }
        }

        private void AddList(int number, MemoList list, int depth, bool quoted)
        {
            var listId = nextListId++;
            foreach (var item in list.Items)
            {
                for (var i = 0; i < item.Blocks.Count; i++)
                {
                    if (i == 0 && item.Blocks[i] is MemoProse prose)
                    {
                        Blocks.Add(new FlowBlock(number, FlowBlockKind.ListItem, depth, list.Ordered, listId, Runs(prose.Inlines)));
                    }
                    else
                    {
                        Add(number, item.Blocks[i], depth + 1, quoted);
                    }
                }
            }
        }
    }

    private static void AddRuns(List<FlowRun> runs, IReadOnlyList<MemoInline> inlines, FlowRun style)
    {
        foreach (var inline in inlines)
        {
            switch (inline)
            {
                case MemoText text:
                    runs.Add(style with { Text = text.Text });
                    break;
                case MemoCodeSpan code:
                    runs.Add(style with { Text = code.Text, Code = true });
                    break;
                case MemoLineBreak lineBreak:
                    runs.Add(style with { Text = lineBreak.Hard ? "\n" : " " });
                    break;
                case MemoLink link:
                    AddRuns(runs, link.Inlines, style with { Url = link.Url });
                    break;
                case MemoEmphasis emphasis:
                    var inner = emphasis.Style switch
                    {
                        MemoEmphasisStyle.Bold => style with { Bold = true },
                        MemoEmphasisStyle.Italic => style with { Italic = true },
                        _ => style,
                    };
                    AddRuns(runs, emphasis.Inlines, inner);
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
