using CoalitionBot.Core.Domain;

namespace CoalitionBot.Core.Dashboard;

/// <summary>One memo on the dashboard's front page.</summary>
public sealed record MemoSummary(
    Guid Id, string Code, string Title, string Addressee, MemoStatus Status, DateTimeOffset? Deadline, string TimeZone, int CurrentVersion, AnswerCounts Counts);
