namespace CoalitionBot.Core.Domain;

/// <summary>Who signs a memo: one answer per organisation, or one per person.</summary>
public enum SignOnMode
{
    Organisations,
    Individuals,
}
