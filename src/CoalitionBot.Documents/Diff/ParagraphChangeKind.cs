namespace CoalitionBot.Documents;

/// <summary>What happened to a paragraph between two versions.</summary>
public enum ParagraphChangeKind
{
    Unchanged,
    Changed,
    Added,
    Removed,
    Moved,
}
