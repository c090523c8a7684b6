namespace CoalitionBot.Documents;

/// <summary>What a flattened memo block is.</summary>
public enum FlowBlockKind
{
    Heading,
    Paragraph,
    ListItem,
    Quote,
    Code,
}
