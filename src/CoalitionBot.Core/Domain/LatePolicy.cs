namespace CoalitionBot.Core.Domain;

/// <summary>What happens to a sign-on that arrives after the deadline or after closing.</summary>
public enum LatePolicy
{
    /// <summary>Refuse it with a message.</summary>
    Reject,

    /// <summary>Store it, flagged as late.</summary>
    AcceptAndFlag,

    /// <summary>Store it, flagged, and keep it off the list until a coordinator approves it.</summary>
    HoldForApproval,
}
