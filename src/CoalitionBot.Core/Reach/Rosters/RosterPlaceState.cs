namespace CoalitionBot.Core.Reach.Rosters;

/// <summary>A place the bot is in and how fresh its roster is: due for a read when never read or changed since.</summary>
public sealed record RosterPlaceState(RosterPlace Place, DateTimeOffset? ReadAt, long Change, long ReadChange)
{
    public bool Changed => ReadAt is null || Change != ReadChange;
}
