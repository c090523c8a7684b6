namespace CoalitionBot.Documents;

/// <summary>
/// One line-level block of a memo, flattened from the memo model: headings, paragraphs, list items (with their
/// depth and whether the list is ordered), quotes and code. <paramref name="ParagraphNumber"/> is the §n it belongs to.
/// </summary>
/// <param name="Level">Heading level (1–6) for headings; nesting depth (0 = top) for list items and continuations.</param>
/// <param name="ListId">Identifies the list an item belongs to, so ordered lists restart their numbering.</param>
public sealed record FlowBlock(
    int ParagraphNumber,
    FlowBlockKind Kind,
    int Level,
    bool Ordered,
    int ListId,
    IReadOnlyList<FlowRun> Runs)
{
    /// <summary>The block's text without formatting.</summary>
    public string Text => string.Concat(Runs.Select(r => r.Text));
}
