using CoalitionBot.Core.Conversation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CoalitionBot.Core.Receiving;

/// <summary>Registers the receiver kit once, whichever adapters ask for it, and one work queue per platform.</summary>
public static class ReceivingServiceCollectionExtensions
{
    /// <summary>Deduplicator, intake, the queues' registry and the journal recovery service (idempotent).</summary>
    public static IServiceCollection AddReceivingKit(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RecentDeliveries>();
        services.TryAddSingleton<WorkQueues>();
        services.TryAddSingleton<InboundIntake>();
        services.TryAddSingleton<FormIntake>();
        services.TryAddSingleton<Telemetry.BotTelemetry>();
        // Bound from configuration when there is one (the host); the kit also runs without (adapter and core tests).
        services.AddOptions<JournalRecoveryOptions>()
            .Configure<IServiceProvider>((o, sp) =>
            {
                if (sp.GetService<Microsoft.Extensions.Configuration.IConfiguration>() is { } configuration)
                {
                    Microsoft.Extensions.Configuration.ConfigurationBinder.Bind(configuration.GetSection(JournalRecoveryOptions.Section), o);
                }
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();
        if (services.All(d => d.ServiceType != typeof(JournalRecoveryService)))
        {
            services.AddSingleton<JournalRecoveryService>();
            services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<JournalRecoveryService>());
        }

        return services;
    }

    /// <summary>A bounded work queue for <paramref name="platform"/> with its hosted worker, and the kit.</summary>
    public static IServiceCollection AddWorkQueue(this IServiceCollection services, Platform platform, int capacity, int workers)
    {
        services.AddReceivingKit();
        if (services.Any(d => d.ServiceType == typeof(WorkQueue) && d.ImplementationInstance is WorkQueue q && q.Platform == platform))
        {
            return services;
        }

        var queue = new WorkQueue(platform, capacity, workers);
        services.AddSingleton(queue);
        services.AddSingleton<IHostedService>(sp => new WorkQueueWorker(queue, sp.GetRequiredService<ILogger<WorkQueueWorker>>()));
        return services;
    }
}
