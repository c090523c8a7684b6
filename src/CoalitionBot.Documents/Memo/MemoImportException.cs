namespace CoalitionBot.Documents;

/// <summary>A draft that cannot be imported at all (too large, not UTF-8, not a Word document); the message is for the coordinator.</summary>
public sealed class MemoImportException(string message, Exception? inner = null) : Exception(message, inner);
