namespace CoalitionBot.Core.Dashboard;

/// <summary>A day to mark on the progress chart: the deadline, or a published version.</summary>
public sealed record ProgressMarker(DateOnly Day, string Label);
