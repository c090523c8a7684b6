namespace CoalitionBot.Documents;

/// <summary>What the final list does with late or unconfirmed sign-ons.</summary>
public enum ListInclusion
{
    Include,
    Mark,
    Exclude,
}
