namespace CoalitionBot.Core.Dashboard;

/// <summary>The states of a sign-in link as the sign-in page tells them apart.</summary>
public enum LinkState
{
    Usable,
    Expired,
    Used,
    Unknown,
    NotCoordinator,
}
