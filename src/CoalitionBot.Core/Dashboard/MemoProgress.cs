namespace CoalitionBot.Core.Dashboard;

/// <summary>A memo's answers per day, from circulation to the deadline (or today), with the deadline and versions marked.</summary>
public sealed record MemoProgress(IReadOnlyList<ProgressDay> Days, IReadOnlyList<ProgressMarker> Markers);
