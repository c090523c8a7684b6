using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Replies;

namespace CoalitionBot.Dashboard;

/// <summary>Wraps the core's inbound handler: after every item (a sign-on, a comment, an action) live dashboard pages look again.</summary>
internal sealed class NotifyingInboundHandler(IInboundHandler inner, DashboardChanges changes) : IInboundHandler
{
    public async Task<Reply> HandleAsync(Inbound inbound, CancellationToken cancellationToken)
    {
        try
        {
            return await inner.HandleAsync(inbound, cancellationToken);
        }
        finally
        {
            changes.Pulse();
        }
    }
}
