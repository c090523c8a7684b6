using CoalitionBot.Core;
using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Messages;
using CoalitionBot.Core.Outbox;
using CoalitionBot.Storage;
using CoalitionBot.Storage.Outbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CoalitionBot.Testing.Conversation;

/// <summary>
/// The real core and store (SQLite in a temporary folder of its own), a fake clock, and a channel that
/// records proactive messages — so a conversation test reads like a chat:
/// <c>await cora.Says("setup")</c>, <c>await bot.DeliverAsync()</c>, <c>amira.Inbox</c>.
/// </summary>
public sealed class TestBot : IAsyncDisposable
{
    private readonly string _folder;

    private TestBot(string folder, ServiceProvider services, FakeTimeProvider clock, RecordingChannel channel, RecordingChannel email)
    {
        _folder = folder;
        Services = services;
        Clock = clock;
        Channel = channel;
        Email = email;
    }

    public ServiceProvider Services { get; }

    public FakeTimeProvider Clock { get; }

    public RecordingChannel Channel { get; }

    /// <summary>The e-mail route's channel: what would have been mailed (target user id = the address).</summary>
    public RecordingChannel Email { get; }

    public IInboundHandler Handler => Services.GetRequiredService<IInboundHandler>();

    /// <summary>Starts a bot on a fresh SQLite database (or on <paramref name="connectionString"/> with PostgreSQL).</summary>
    public static async Task<TestBot> StartAsync(DateTimeOffset? now = null, Dictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "coalitionbot-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var config = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = $"Data Source={Path.Combine(folder, "bot.db")}",
        };
        foreach (var (key, value) in settings ?? [])
        {
            config[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(config).Build();
        var clock = new FakeTimeProvider(now ?? new DateTimeOffset(2026, 11, 2, 14, 0, 0, TimeSpan.Zero));
        var channel = new RecordingChannel(Platform.Web);
        var email = new RecordingChannel(Platform.Email);
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<TimeProvider>(clock)
            .AddCoalitionCore()
            .AddCoalitionStorage(configuration)
            .AddSingleton<IDeliveryChannel>(channel)
            .AddSingleton<IDeliveryChannel>(email)
            .AddSingleton<OutboxProcessor>();
        services.AddOptions<OutboxOptions>();
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider();
        await DatabaseMigrator.MigrateAsync(provider);
        return new TestBot(folder, provider, clock, channel, email);
    }

    /// <summary>A person on the web platform, identified by e-mail (as the playground does).</summary>
    public Person Person(string name, string email, string? timeZone = null) =>
        new(this, new Actor(new ChatIdentity(Platform.Web, "local", email.ToLowerInvariant()), name, email, timeZone));

    /// <summary>A person on any platform with explicit ids.</summary>
    public Person Person(Actor actor) => new(this, actor);

    /// <summary>Sends every due delivery through the recording channel.</summary>
    public Task<int> DeliverAsync() => Services.GetRequiredService<OutboxProcessor>().DrainAsync(CancellationToken.None);

    /// <summary>Messages the e-mail route would have sent to this address.</summary>
    /// <summary>What the bot posted in a channel (a delivery with a channel target), for everyone there.</summary>
    public IReadOnlyList<Message> PostedIn(string channelId) => Channel.Sent.Where(m => m.Target.ConversationId == channelId).Select(m => m.Message).ToList();

    public IReadOnlyList<OutboundMessage> EmailsTo(string address) => Email.Sent.Where(m => m.Target.UserId == address).ToList();

    /// <summary>Runs the background look-up of new contacts once, as the host's reach worker does after an import.</summary>
    public async Task<int> LookUpAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Core.Reach.ReachSweep>().RunAsync(CancellationToken.None);
    }

    /// <summary>Runs one reminder sweep at the fake clock's time, as the host's reminder worker does every minute.</summary>
    public async Task<Core.Reminders.SweepResult> SweepAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Core.Reminders.ReminderSweep>().RunAsync(CancellationToken.None);
    }

    /// <summary>Runs <paramref name="work"/> with a store context of its own, to look at what was stored.</summary>
    public async Task<T> QueryAsync<T>(Func<CoalitionDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<CoalitionDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // a file still held open; the temp folder is cleaned by the system later
        }
    }
}
