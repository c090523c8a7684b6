namespace CoalitionBot.Documents;

/// <summary>Rules for a directory import.</summary>
/// <param name="AllowedCategories">The coalition's categories; when given, any other category is an error. Matched ignoring case.</param>
/// <param name="MaxBytes">Largest file accepted.</param>
public sealed record DirectoryImportOptions(IReadOnlyList<string>? AllowedCategories = null, int MaxBytes = 5 * 1024 * 1024);
