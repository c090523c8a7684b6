using CoalitionBot.Core.Conversation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Teams.Hosting;

/// <summary>
/// Handles queued Teams messages after the HTTP request was acknowledged: hands each to the core and sends its reply.
/// A few run at once so one slow conversation does not hold up the rest.
/// </summary>
internal sealed partial class TeamsInboundWorker(
    InboundQueue queue,
    IServiceScopeFactory scopes,
    ReplySender replies,
    TeamsJournal journal,
    IOptions<TeamsOptions> options,
    ILogger<TeamsInboundWorker> logger) : BackgroundService
{
    private const int Concurrency = 4;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Anonymous)
        {
            LogAnonymous(logger);
        }

        return base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Concurrency).Select(_ => Task.Run(() => RunAsync(stoppingToken), stoppingToken)));

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var item in queue.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                await ProcessAsync(item, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task ProcessAsync(QueuedActivity item, CancellationToken stoppingToken)
    {
        using var scope = logger.BeginScope("Teams {Tenant} {Conversation}", item.Inbound.Place.TenantId, item.Inbound.Place.ConversationId);
        try
        {
            var reply = item.Reply;
            if (reply is null)
            {
                await using var services = scopes.CreateAsyncScope();
                reply = await services.ServiceProvider.GetRequiredService<IInboundHandler>().HandleAsync(item.Inbound, stoppingToken).ConfigureAwait(false);
            }

            // Handled: the core stored its effects (a re-run would only be answered "already done"), so the journal
            // entry is finished before the reply goes out.
            await journal.CompleteAsync(item, stoppingToken).ConfigureAwait(false);
            await replies.SendAsync(reply, item, stoppingToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            LogFailed(logger, ex, item.Inbound.DeliveryId);
        }
    }

    [LoggerMessage(EventId = 4501, Level = LogLevel.Critical, Message = "Teams adapter is running WITHOUT request authentication (no Teams:AppId, Development environment). Anyone who can reach /api/messages can act as any user. Never run like this in production.")]
    private static partial void LogAnonymous(ILogger logger);

    [LoggerMessage(EventId = 4502, Level = LogLevel.Error, Message = "Handling Teams activity {DeliveryId} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string deliveryId);
}
