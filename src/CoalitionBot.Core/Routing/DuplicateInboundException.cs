namespace CoalitionBot.Core.Routing;

/// <summary>Raised when saving shows the inbound item was handled by another request first.</summary>
public sealed class DuplicateInboundException : Exception
{
    public DuplicateInboundException(Exception inner)
        : base("This inbound item was already handled.", inner)
    {
    }
}
