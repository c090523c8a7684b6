namespace CoalitionBot.Core.Reach;

/// <summary>What an opened personal link turned out to be.</summary>
public enum LinkState
{
    /// <summary>It opens the page.</summary>
    Valid,

    /// <summary>No such link: mistyped, cut short, changed, or made with another key.</summary>
    Unknown,

    /// <summary>A coordinator revoked it, or a newer link replaced it.</summary>
    Revoked,

    /// <summary>Past the memo's deadline plus the late policy's grace.</summary>
    Expired,
}
