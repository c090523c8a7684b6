namespace CoalitionBot.Core.Reach.Rosters;

/// <summary>A roster member found by e-mail, with the place whose roster they are in.</summary>
public sealed record RosterMatch(RosterPlace Place, RosterMember Member);
