namespace CoalitionBot.Core.Domain;

/// <summary>Where a join request stands: waiting for a coordinator, approved (the person is a contact), or declined.</summary>
public enum JoinRequestState
{
    Pending,
    Approved,
    Declined,
}
