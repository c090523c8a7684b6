using System.Text.Json.Nodes;
using CoalitionBot.Testing.Slack;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace CoalitionBot.Tests.Slack;

/// <summary>How Slack reaches the bot: signed HTTP requests to /slack/*, or envelopes on the bot's Socket Mode connection.</summary>
public enum SlackTransport
{
    Http,
    SocketMode,
}

/// <summary>
/// The real host with Slack switched on, talking to a <see cref="SlackSimulator"/> that shares its clock (signatures
/// and trigger ids must see the bot's time). HTTP mode listens on a real socket so the simulator can call it.
/// </summary>
internal sealed class SlackHost : IAsyncDisposable
{
    private readonly List<JsonObject> acks = [];

    private SlackHost(SlackSimulator simulator, BotFactory factory, SlackTransport transport, Uri? botBase)
    {
        Simulator = simulator;
        Factory = factory;
        Transport = transport;
        BotBase = botBase;
    }

    public SlackSimulator Simulator { get; }

    public BotFactory Factory { get; }

    public SlackTransport Transport { get; }

    public FakeTimeProvider Clock => Factory.Clock;

    /// <summary>Every answer the bot put in an ack (inline slash-command replies, response_action views): Slack validates these too.</summary>
    public IReadOnlyList<JsonObject> Acks
    {
        get
        {
            lock (acks)
            {
                return [.. acks];
            }
        }
    }

    private Uri? BotBase { get; }

    /// <summary>Starts the simulator and the host; in Socket Mode returns once the bot's connection is open.</summary>
    public static async Task<SlackHost> StartAsync(SlackTransport transport, FakeTimeProvider? clock = null, Dictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        clock ??= new FakeTimeProvider(BotFactory.Start);
        var simulator = await SlackSimulator.StartAsync(clock);
        settings = new Dictionary<string, string?>(settings ?? []);
        foreach (var (key, value) in Settings(simulator, transport))
        {
            settings[key] = value;
        }

        var factory = new BotFactory(settings, clock, services);
        Uri? botBase = null;
        if (transport == SlackTransport.Http)
        {
            factory.UseKestrel(0);
            factory.StartServer();
            botBase = factory.ClientOptions.BaseAddress;
        }
        else
        {
            _ = factory.Services; // starts the host, and with it the Socket Mode client
            await simulator.WaitUntilAsync(s => s.OpenSockets > 0);
        }

        return new SlackHost(simulator, factory, transport, botBase);
    }

    /// <summary>
    /// The host distributed over HTTP (Slack:ClientId + ClientSecret + SigningSecret, no bot token): each workspace gets its
    /// token by installing (<see cref="InstallAsync"/>). <paramref name="arrange"/> sets up the simulator's workspaces first.
    /// </summary>
    public static async Task<SlackHost> StartDistributedAsync(Action<SlackSimulator> arrange, FakeTimeProvider? clock = null, string? database = null)
    {
        clock ??= new FakeTimeProvider(BotFactory.Start);
        var simulator = await SlackSimulator.StartAsync(clock);
        arrange(simulator);
        var factory = new BotFactory(DistributedSettings(simulator, database), clock);
        factory.UseKestrel(0);
        factory.StartServer();
        return new SlackHost(simulator, factory, SlackTransport.Http, factory.ClientOptions.BaseAddress);
    }

    /// <summary>The settings of a host distributed through <paramref name="simulator"/>'s OAuth, on <paramref name="database"/> when given (several instances).</summary>
    public static Dictionary<string, string?> DistributedSettings(SlackSimulator simulator, string? database = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Slack:ClientId"] = simulator.ClientId,
            ["Slack:ClientSecret"] = simulator.ClientSecret,
            ["Slack:SigningSecret"] = simulator.SigningSecret,
            ["Slack:ApiBaseUrl"] = simulator.ApiBaseUrl,
            ["Slack:AuthorizeUrl"] = simulator.AuthorizeUrl,
            ["PublicBaseUrl"] = PublicBaseUrl,
        };
        if (database is not null)
        {
            settings["Storage:ConnectionString"] = database;
        }

        return settings;
    }

    /// <summary>The public address a distributed host is configured with (Slack redirects the browser there).</summary>
    public const string PublicBaseUrl = "https://bot.example.org";

    /// <summary>
    /// A browser going through "Add to Slack": GET /slack/install, Slack's consent page (<paramref name="teamId"/>,
    /// <paramref name="installer"/>, Allow or Cancel), then the redirect back to the bot's callback. Returns the page it shows.
    /// </summary>
    public async Task<(int Status, string Page)> InstallAsync(string teamId, string installer, bool allow = true, Func<Uri, Uri>? tamper = null)
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var install = await browser.GetAsync(new Uri(BotBase!, "slack/install"));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, install.StatusCode);
        Simulator.ConsentAs(teamId, installer, allow);
        using var consent = await browser.GetAsync(install.Headers.Location);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, consent.StatusCode);
        var back = consent.Headers.Location!;
        Assert.StartsWith(PublicBaseUrl + "/slack/oauth/callback?", back.ToString(), StringComparison.Ordinal);
        return await BrowseAsync(tamper is null ? back : tamper(back));
    }

    /// <summary>GETs a page of the bot at the path and query of <paramref name="publicUrl"/> (its public address mapped to the test server).</summary>
    public async Task<(int Status, string Page)> BrowseAsync(Uri publicUrl)
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var page = await browser.GetAsync(new Uri(BotBase!, publicUrl.PathAndQuery.TrimStart('/')));
        return ((int)page.StatusCode, await page.Content.ReadAsStringAsync());
    }

    /// <summary>Sends an Events API body signed as Slack does and expects the bot to accept it.</summary>
    public async Task EventAsync(JsonObject envelope) =>
        Ok(await Simulator.DeliverAsync(new Uri(BotBase!, "slack/events"), "application/json", envelope.ToJsonString()));

    /// <summary>The bot's Slack settings for this simulator and transport.</summary>
    public static Dictionary<string, string?> Settings(SlackSimulator simulator, SlackTransport transport) => new()
    {
        ["Slack:BotToken"] = simulator.BotToken,
        ["Slack:ApiBaseUrl"] = simulator.ApiBaseUrl,
        ["Slack:SigningSecret"] = transport == SlackTransport.Http ? simulator.SigningSecret : null,
        ["Slack:AppToken"] = transport == SlackTransport.SocketMode ? simulator.AppToken : null,
    };

    /// <summary>
    /// Slack in Socket Mode on a host and simulator someone else started and disposes (a mixed-platform test; dispose
    /// the host before the simulator): waits for the bot's connection. Do not dispose the result.
    /// </summary>
    public static async Task<SlackHost> AttachAsync(SlackSimulator simulator, BotFactory factory)
    {
        _ = factory.Services;
        await simulator.WaitUntilAsync(s => s.OpenSockets > 0);
        return new SlackHost(simulator, factory, SlackTransport.SocketMode, null);
    }

    /// <summary>A person of the workspace whose users.info carries their e-mail (so the core links them to their contact).</summary>
    public SlackUser User(string name, string email) => new(this, Simulator.AddUser(name, email));

    /// <summary>Sends a slash command payload the configured way and returns the ack's JSON (null for an empty ack).</summary>
    public async Task<JsonObject?> CommandAsync(JsonObject payload) =>
        Remember(Transport == SlackTransport.Http
            ? Ok(await Simulator.DeliverAsync(new Uri(BotBase!, "slack/commands"), "application/x-www-form-urlencoded", SlackSimulator.FormEncode(payload))).Json
            : Empty(await Simulator.SendEnvelopeAsync("slash_commands", payload)));

    /// <summary>Sends an interaction payload (block_actions, view_submission) the configured way and returns the ack's JSON.</summary>
    public async Task<JsonObject?> InteractAsync(JsonObject payload) =>
        Remember(Transport == SlackTransport.Http
            ? Ok(await Simulator.DeliverAsync(new Uri(BotBase!, "slack/interactions"), "application/x-www-form-urlencoded", SlackSimulator.FormEncode([KeyValuePair.Create("payload", payload.ToJsonString())]))).Json
            : Empty(await Simulator.SendEnvelopeAsync("interactive", payload)));

    /// <summary>Sends every due delivery through the outbox; the simulator has recorded each message when this returns.</summary>
    public async Task<int> DeliverAsync()
    {
        var sent = await Factory.DeliverAsync();
        Clock.Advance(TimeSpan.FromMinutes(1));
        return sent;
    }

    /// <summary>Every Slack answer that failed: the simulator's Web API errors (but a look-up that found nobody) (invalid_blocks and others) and acks Slack would refuse.</summary>
    public List<string> Problems()
    {
        // users_not_found is how users.lookupByEmail says "not in this workspace": an answer, not a problem.
        var problems = Simulator.Calls.Where(c => c.Error is not null && !(c.Method == "users.lookupByEmail" && c.Error == "users_not_found"))
            .Select(c => $"{c.Method}: {c.Error}").ToList();
        foreach (var ack in Acks)
        {
            var errors = ack["view"] is JsonObject view
                ? BlockKitValidator.ValidateView(view)
                : ack["response_action"] is null ? BlockKitValidator.ValidateMessage(ack["blocks"], (string?)ack["text"]) : [];
            problems.AddRange(errors.Select(e => "ack: " + e));
        }

        return problems;
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Simulator.DisposeAsync();
    }

    private static SimulatedHttpResponse Ok(SimulatedHttpResponse response)
    {
        Assert.True(response.Status == 200, $"The bot answered {response.Status}: {response.Body}");
        return response;
    }

    private static JsonObject? Empty(JsonObject payload) => payload.Count == 0 ? null : payload;

    private JsonObject? Remember(JsonObject? ack)
    {
        if (ack is not null)
        {
            lock (acks)
            {
                acks.Add(ack);
            }
        }

        return ack;
    }
}
