using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Receiving;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CoalitionBot.Core.Tests.Receiving;

/// <summary>The receiver kit as an adapter registers it (one work queue, for e-mail here), with its workers running.</summary>
internal sealed class ReceiverKit : IAsyncDisposable
{
    private readonly ServiceProvider provider;
    private readonly List<IHostedService> workers;

    private ReceiverKit(ServiceProvider provider, List<IHostedService> workers)
    {
        this.provider = provider;
        this.workers = workers;
    }

    public InboundIntake Intake => provider.GetRequiredService<InboundIntake>();

    public JournalRecoveryService Recovery => provider.GetRequiredService<JournalRecoveryService>();

    public static async Task<ReceiverKit> StartAsync(TimeProvider time, IInboundJournal journal, IJournalReplay? replay = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(time);
        services.AddSingleton(journal);
        if (replay is not null)
        {
            services.AddSingleton(replay);
        }

        services.AddWorkQueue(Platform.Email, capacity: 10, workers: 1);
        var provider = services.BuildServiceProvider();

        // The recovery service is driven by the tests themselves (RecoverAsync), not by its timer.
        var workers = provider.GetServices<IHostedService>().Where(h => h is not JournalRecoveryService).ToList();
        foreach (var worker in workers)
        {
            await worker.StartAsync(CancellationToken.None);
        }

        return new ReceiverKit(provider, workers);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var worker in workers)
        {
            await worker.StopAsync(CancellationToken.None);
        }

        await provider.DisposeAsync();
    }
}
