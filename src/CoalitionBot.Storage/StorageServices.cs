using CoalitionBot.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoalitionBot.Storage;

/// <summary>Registers the store for the configured provider.</summary>
public static class StorageServices
{
    /// <summary>The folder the SQLite file goes in when no connection string is given: ./data under the working directory.</summary>
    public static string DefaultDataFolder => Path.Combine(Directory.GetCurrentDirectory(), "data");

    public static IServiceCollection AddCoalitionStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var options = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        if (options.Provider == StorageProvider.Postgres)
        {
            services.AddDbContext<PostgresCoalitionDbContext>((sp, o) => o.UseNpgsql(options.ConnectionString ?? "").AddInterceptors(new OutboxSignalInterceptor(sp.GetRequiredService<OutboxSignal>())));
            services.AddScoped<CoalitionDbContext>(sp => sp.GetRequiredService<PostgresCoalitionDbContext>());
        }
        else
        {
            var connection = new SqliteConnectionStringBuilder(options.SqliteConnectionString(DefaultDataFolder))
            {
                DefaultTimeout = 30,
                Pooling = true,
            }.ToString();
            services.AddDbContext<SqliteCoalitionDbContext>((sp, o) => o.UseSqlite(connection).AddInterceptors(new SqlitePragmas(), new SqliteWriteGateInterceptor(sp.GetRequiredService<SqliteWriteGate>()), new OutboxSignalInterceptor(sp.GetRequiredService<OutboxSignal>())));
            services.AddScoped<CoalitionDbContext>(sp => sp.GetRequiredService<SqliteCoalitionDbContext>());
        }

        services.AddSingleton<OutboxSignal>();
        services.TryAddScoped<CoalitionScope>();
        services.AddSingleton<SqliteWriteGate>();
        services.AddScoped<IDataSession, EfDataSession>();
        services.AddScoped<DeliveryQueue>();
        services.AddOptions<Core.Outbox.Budget.SendBudgetOptions>().BindConfiguration(Core.Outbox.Budget.SendBudgetOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // Several instances share one PostgreSQL database, so their budget lives there. SQLite has one instance, whose
        // budget in memory costs no write (and no fsync) per send, and no database round trip between a call and the
        // moment its place counts from — the pace of a circulation.
        if (options.Provider == StorageProvider.Postgres)
        {
            services.AddSingleton<Core.Outbox.Budget.ISendBudget, Outbox.DatabaseSendBudget>();
        }
        else
        {
            services.AddSingleton<Core.Outbox.Budget.ISendBudget, Core.Outbox.Budget.LocalSendBudget>();
        }
        services.AddScoped<Installations.SlackInstallationStore>();
        services.AddSingleton<JournalGroupCommit>();
        services.AddSingleton<Core.Conversation.IInboundJournal, EfInboundJournal>();
        services.AddSingleton<Core.Reach.Rosters.IRosterStore, Rosters.EfRosterStore>();
        services.AddSingleton<IDatabaseDescription>(new DatabaseDescription(options.Provider, options.Provider == StorageProvider.Sqlite ? options.SqliteConnectionString(DefaultDataFolder) : "PostgreSQL"));
        return services;
    }
}
