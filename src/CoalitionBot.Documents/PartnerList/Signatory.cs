namespace CoalitionBot.Documents;

/// <summary>One organisation's sign-on as the final list needs it.</summary>
/// <param name="DisplayName">The name exactly as it should appear under the memo.</param>
/// <param name="SortName">The name it is alphabetised under; <see cref="SortNames.Derive"/> of the display name when blank.</param>
/// <param name="Late">Signed after the deadline.</param>
/// <param name="NeedsReconfirmation">Signed an earlier version and has not reconfirmed after a substantive change.</param>
/// <param name="VersionHash">Content hash of the version signed.</param>
/// <param name="AfterClosing">When <paramref name="Late"/>: signed after the memo was closed by hand, before its deadline.</param>
public sealed record Signatory(
    string DisplayName,
    string? SortName,
    string? Category,
    string? Country,
    bool Late,
    bool NeedsReconfirmation,
    string? SignatoryName,
    string? SignatoryTitle,
    DateTimeOffset SignedAt,
    string VersionHash,
    bool AfterClosing = false);
