using CoalitionBot.Storage;
using CoalitionBot.Storage.Outbox;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace CoalitionBot.Tests;

/// <summary>
/// The real host with its own SQLite database in a temporary folder and its own fake clock. The outbox
/// worker is off so a test sends deliveries when it chooses (<see cref="DeliverAsync"/>).
/// </summary>
public sealed class BotFactory : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "coalitionbot-host-" + Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    /// <param name="clock">A clock to share with a simulator (tokens and throttles must see the bot's time); a fresh one when null.</param>
    /// <param name="services">Extra registrations for one test (a test double the simulators do not offer yet).</param>
    public BotFactory(Dictionary<string, string?>? settings = null, FakeTimeProvider? clock = null, Action<IServiceCollection>? services = null)
    {
        _services = services;
        Clock = clock ?? new FakeTimeProvider(Start);
        Directory.CreateDirectory(_folder);
        _settings = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Storage:ConnectionString"] = $"Data Source={Path.Combine(_folder, "bot.db")}",
            ["Outbox:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? [])
        {
            _settings[key] = value;
        }
    }

    /// <summary>Where a fresh clock starts.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 2, 14, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; }

    /// <summary>Everything the bot logged (at the configured levels: Warning and above by default).</summary>
    public FakeLogCollector Logs => Services.GetFakeLogCollector();

    public Task<int> DeliverAsync() => Services.GetRequiredService<OutboxProcessor>().DrainAsync(CancellationToken.None);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
            _services?.Invoke(services);
        });
        builder.ConfigureLogging(logging => logging.AddFakeLogging()); // Logs, for tests that assert on warnings or their absence
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // the system cleans temporary folders later
        }
    }
}
