namespace CoalitionBot.Documents;

/// <summary>A suggestion (the coordinator decides) whether a new version changes substance, with the numbers behind it.</summary>
public sealed record ChangeAssessment(bool Substantive, int ChangedWords, int OldWordCount, string Reason);
