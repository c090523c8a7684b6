namespace CoalitionBot.Documents;

/// <summary>Whether a stretch of text is kept, removed or added between two versions.</summary>
public enum DiffOperation
{
    Equal,
    Delete,
    Insert,
}
