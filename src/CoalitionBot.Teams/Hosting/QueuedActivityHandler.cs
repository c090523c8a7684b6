using System.Text.Json;
using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Receiving;
using CoalitionBot.Core.Replies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoalitionBot.Teams.Hosting;

/// <summary>
/// What the receiver kit runs for a queued Teams message after the 202: hands it to the core, then (once the journal
/// entry is complete, so a failed send is never handled twice) sends the reply. Also replays journaled messages
/// after a crash, and queues replies of invokes that must go to the person's 1:1 chat.
/// </summary>
internal sealed class QueuedActivityHandler(
    IServiceScopeFactory scopes,
    ReplySender replies,
    WorkQueues queues,
    ILogger<QueuedActivityHandler> logger) : IJournalReplay
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Platform Platform => Platform.Teams;

    public static string Payload(QueuedActivity item) => JsonSerializer.Serialize(item, Json);

    public HandleDelivery? Replay(JournalEntry entry)
    {
        try
        {
            return JsonSerializer.Deserialize<QueuedActivity>(entry.Payload, Json) is { } item ? Handling(item) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public HandleDelivery Handling(QueuedActivity item) => async ct =>
    {
        using var scope = Scope(item);
        await using var services = scopes.CreateAsyncScope();
        var reply = await services.ServiceProvider.GetRequiredService<IInboundHandler>().HandleAsync(item.Inbound, ct).ConfigureAwait(false);
        return token => SendAsync(reply, item, token);
    };

    /// <summary>Queues a reply the core already gave (not journaled: the core stored its effects); false when the queue is full.</summary>
    public bool TryQueueReply(Reply reply, QueuedActivity item) => queues[Platform.Teams].TryEnqueue(ct => SendAsync(reply, item, ct));

    private async Task SendAsync(Reply reply, QueuedActivity item, CancellationToken ct)
    {
        using var scope = Scope(item);
        await replies.SendAsync(reply, item, ct).ConfigureAwait(false);
    }

    private IDisposable? Scope(QueuedActivity item) =>
        logger.BeginScope("Teams {Tenant} {Conversation}", item.Inbound.Place.TenantId, item.Inbound.Place.ConversationId);
}
