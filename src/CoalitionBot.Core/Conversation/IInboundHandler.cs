namespace CoalitionBot.Core.Conversation;

/// <summary>The single entry point adapters hand every verified inbound item to.</summary>
public interface IInboundHandler
{
    /// <summary>Handles the item, or returns <see cref="Replies.DuplicateReply"/> when it was handled before.</summary>
    Task<Replies.Reply> HandleAsync(Inbound inbound, CancellationToken cancellationToken);
}
