namespace CoalitionBot.Documents;

/// <summary>Writes memo text into a Word document: headings, paragraphs, lists (restarting per list), emphasis, links.</summary>
public static class MemoDocx
{
    /// <summary>A standalone .docx of the memo under a title.</summary>
    public static byte[] ToDocx(MemoDocument memo, string title)
    {
        using var builder = new DocxBuilder(title);
        builder.Heading(0, title);
        Append(builder, memo, headingOffset: 0);
        return builder.Finish();
    }

    internal static void Append(DocxBuilder builder, MemoDocument memo, int headingOffset)
    {
        foreach (var block in MemoFlow.From(memo))
        {
            switch (block.Kind)
            {
                case FlowBlockKind.Heading:
                    builder.Heading(block.Level + headingOffset, block.Runs);
                    break;
                case FlowBlockKind.ListItem:
                    builder.ListItem(block.Runs, block.Ordered, block.Level, $"memo-{block.ListId}");
                    break;
                case FlowBlockKind.Quote:
                    builder.Paragraph(block.Runs, "Quote");
                    break;
                default:
                    builder.Paragraph(block.Runs, indentLevel: block.Level);
                    break;
            }
        }
    }
}
