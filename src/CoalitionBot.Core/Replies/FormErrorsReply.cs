using CoalitionBot.Core.Messages;

namespace CoalitionBot.Core.Replies;

/// <summary>The submitted form was refused: show these messages on these field ids, keep the form open. Nothing was stored.</summary>
public sealed record FormErrorsReply(Form Form, IReadOnlyDictionary<string, string> Errors) : Reply;
