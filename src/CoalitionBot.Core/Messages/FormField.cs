namespace CoalitionBot.Core.Messages;

/// <summary>
/// One input of a form. Limits are advisory for the client; the core validates again on submission.
/// For a checkbox, a submitted value of "true" means ticked.
/// </summary>
public sealed record FormField(
    string Id,
    string Label,
    FormFieldKind Kind,
    bool Required = false,
    int MaxLength = 0,
    string? Initial = null,
    string? Hint = null,
    IReadOnlyList<FormOption>? Options = null);
