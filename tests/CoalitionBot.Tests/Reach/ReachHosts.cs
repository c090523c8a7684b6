using CoalitionBot.Core.Reach;
using CoalitionBot.Reach;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CoalitionBot.Tests.Reach;

/// <summary>What reach tests do to the host: run the look-up sweep when they choose, instead of its background loop.</summary>
internal static class ReachHosts
{
    /// <summary>Removes the hosted <see cref="ReachWorker"/>, so look-ups run only when a command or <see cref="SweepAsync"/> runs them.</summary>
    public static void WithoutBackgroundLookUps(IServiceCollection services)
    {
        foreach (var hosted in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(ReachWorker)).ToList())
        {
            services.Remove(hosted);
        }
    }

    /// <summary>One pass of <see cref="ReachSweep"/>, as the background loop runs it (new contacts, deferred look-ups that are due).</summary>
    public static async Task<int> SweepAsync(this BotFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReachSweep>().RunAsync(CancellationToken.None);
    }
}
