using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Outbox;
using CoalitionBot.Storage;
using CoalitionBot.Storage.Outbox;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoalitionBot.Tests.MultiInstance;

/// <summary>
/// One instance of the real host on a shared PostgreSQL database, delivering through a channel shared with
/// the other instances. Its workers are off: the test runs each instance's real <see cref="OutboxProcessor"/>
/// when it chooses, concurrently with the others.
/// </summary>
public sealed class PostgresInstance(string connectionString, IDeliveryChannel channel) : WebApplicationFactory<Program>
{
    public IInboundHandler Handler => Services.GetRequiredService<IInboundHandler>();

    public Task<int> DrainAsync() => Services.GetRequiredService<OutboxProcessor>().DrainAsync(CancellationToken.None);

    public async Task<T> QueryAsync<T>(Func<CoalitionDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<CoalitionDbContext>());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Storage:Provider", "Postgres");
        builder.UseSetting("Storage:ConnectionString", connectionString);
        builder.UseSetting("Outbox:Enabled", "false");
        builder.UseSetting("Reminders:Enabled", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IDeliveryChannel>();
            services.AddSingleton(channel);
        });
    }
}
