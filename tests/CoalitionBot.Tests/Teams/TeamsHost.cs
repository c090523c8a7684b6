using System.Text.Json.Nodes;
using CoalitionBot.Testing.Teams;
using Microsoft.Extensions.Time.Testing;

namespace CoalitionBot.Tests.Teams;

/// <summary>
/// The real host with Teams switched on, talking to a Bot Framework simulator that shares its clock (tokens and
/// throttles must see the bot's time). The clock moves a minute after each exchange so Teams' per-conversation
/// throttles never trip on a frozen clock.
/// </summary>
internal sealed class TeamsHost : IAsyncDisposable
{
    private TeamsHost(BotFrameworkSimulator simulator, BotFactory factory, bool kestrel)
    {
        Simulator = simulator;
        Factory = factory;
        Http = kestrel ? new HttpClient { BaseAddress = factory.ClientOptions.BaseAddress } : factory.CreateClient();
        Messages = new Uri(Http.BaseAddress!, "api/messages");
    }

    public BotFrameworkSimulator Simulator { get; }

    public BotFactory Factory { get; }

    public HttpClient Http { get; }

    public Uri Messages { get; }

    public FakeTimeProvider Clock => Factory.Clock;

    /// <summary>Every card the bot showed: sent to the connector or returned in an invoke answer.</summary>
    public List<JsonObject> InvokeCards { get; } = [];

    /// <param name="more">Further settings (another platform switched on too); <paramref name="clock"/> shared with its simulator.</param>
    /// <param name="kestrel">Listen on a real loopback socket (a browser test); <paramref name="services"/> are extra registrations.</param>
    public static async Task<TeamsHost> StartAsync(bool webChannel = false, FakeTimeProvider? clock = null, IReadOnlyDictionary<string, string?>? more = null, bool kestrel = false, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? services = null)
    {
        clock ??= new FakeTimeProvider(BotFactory.Start);
        var simulator = await BotFrameworkSimulator.StartAsync(new BotFrameworkSimulatorOptions { Time = clock });
        var settings = new Dictionary<string, string?>
        {
            ["Teams:AppId"] = simulator.Options.AppId,
            ["Teams:AppPassword"] = simulator.Options.AppPassword,
            ["Teams:TenantId"] = simulator.Options.TenantId,
            ["Teams:OpenIdMetadataUrl"] = simulator.OpenIdMetadataUrl,
            ["Teams:TokenAuthority"] = simulator.TokenAuthority,
            ["Teams:DefaultServiceUrl"] = simulator.ServiceUrl,
        };
        if (webChannel)
        {
            settings["WebChannel:Enabled"] = "true";
        }

        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var factory = new BotFactory(settings, clock, services);
        if (kestrel)
        {
            factory.UseKestrel(0);
            factory.StartServer();
        }

        return new TeamsHost(simulator, factory, kestrel);
    }

    /// <summary>A Teams user of the simulator's tenant, in the roster with their e-mail (so the bot can link them).</summary>
    public TeamsUser User(string name, string email, bool startsInChannel = false)
    {
        var activities = new TeamsActivityFactory(Simulator) { UserName = name };
        Simulator.AddMember(activities.UserId, activities.UserAadObjectId, name, email);
        return new TeamsUser(this, activities, startsInChannel);
    }

    public Task<HttpResponseMessage> PostAsync(JsonObject activity, TokenFlavour? flavour = TokenFlavour.Valid) =>
        Simulator.SendActivityAsync(Http, Messages, activity, flavour);

    /// <summary>Sends every due delivery through the outbox (the simulator has recorded each Teams one when this returns).</summary>
    public async Task<int> DeliverAsync()
    {
        var sent = await Factory.DeliverAsync();
        Clock.Advance(TimeSpan.FromMinutes(1));
        return sent;
    }

    public static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Factory.DisposeAsync();
        await Simulator.DisposeAsync();
    }
}
