namespace CoalitionBot.Core.Downloads;

/// <summary>What a download link grants: one file about one memo (or a coalition's directory) until <see cref="Expires"/>.</summary>
/// <param name="SubjectId">The memo's id, or the coalition's id for <see cref="DownloadFormat.DirectoryCsv"/>.</param>
public sealed record DownloadTicket(Guid SubjectId, DownloadFormat Format, ListChoice Choice, DateTimeOffset Expires);
