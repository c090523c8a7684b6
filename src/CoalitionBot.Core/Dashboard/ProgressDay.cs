namespace CoalitionBot.Core.Dashboard;

/// <summary>The answers at the end of one day (or now, for today); null counts for days still to come.</summary>
public sealed record ProgressDay(DateOnly Day, int? Signed, int? Declined, int? NoAnswer, int? NeedsReconfirmation);
