using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Replies;
using Microsoft.Extensions.DependencyInjection;

namespace CoalitionBot.Core.Routing;

/// <summary>The <see cref="IInboundHandler"/> adapters call: runs each item in a fresh service scope (its own store session).</summary>
public sealed class InboundDispatcher(IServiceScopeFactory scopes) : IInboundHandler
{
    public async Task<Reply> HandleAsync(Inbound inbound, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<InboundPipeline>().HandleAsync(inbound, cancellationToken);
    }
}
