namespace CoalitionBot.Core.Messages;

/// <summary>
/// A form to fill in. <paramref name="Context"/> travels back with the submission (a memo code);
/// <paramref name="Intro"/> is plain text shown above the fields.
/// </summary>
public sealed record Form(string FormId, string Title, string SubmitLabel, string Context, IReadOnlyList<FormField> Fields, string? Intro = null);
