namespace CoalitionBot.Core.Domain;

/// <summary>An organisation's answer to a memo.</summary>
public enum SignOnState
{
    Signed,
    Declined,
    Withdrawn,
}
