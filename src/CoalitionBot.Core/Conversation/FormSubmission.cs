namespace CoalitionBot.Core.Conversation;

/// <summary>A submitted form: its id, the context it was opened with (a memo code), and the raw field values.</summary>
public sealed record FormSubmission(string FormId, string Context, IReadOnlyDictionary<string, string?> Fields) : InboundContent;
