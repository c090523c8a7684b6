using Microsoft.Extensions.Logging.Testing;
using System.Net;
using CoalitionBot.Core.Conversation;
using CoalitionBot.Testing.Teams;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CoalitionBot.Teams.Tests.Support;

/// <summary>A bot host with only the Teams adapter (and a recording core) beside a fresh Bot Framework simulator.</summary>
internal sealed class TeamsBot : IAsyncDisposable
{
    private TeamsBot(BotFrameworkSimulator simulator, WebApplication app, FakeTimeProvider time, RecordingInboundHandler handler, Uri messages)
    {
        Simulator = simulator;
        App = app;
        Time = time;
        Handler = handler;
        Messages = messages;
        Activities = new TeamsActivityFactory(simulator);
    }

    public BotFrameworkSimulator Simulator { get; }

    public WebApplication App { get; }

    public FakeTimeProvider Time { get; }

    public RecordingInboundHandler Handler { get; }

    public Uri Messages { get; }

    public TeamsActivityFactory Activities { get; }

    public HttpClient Http { get; } = new();

    public IServiceProvider Services => App.Services;

    /// <summary>Everything the bot logged, for asserting warnings and the absence of unhandled exceptions.</summary>
    public FakeLogCollector Logs => App.Services.GetFakeLogCollector();

    public static async Task<TeamsBot> StartAsync(Action<Dictionary<string, string?>>? configure = null, string environment = "Production")
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
        var simulator = await BotFrameworkSimulator.StartAsync(new BotFrameworkSimulatorOptions { Time = time });
        var settings = new Dictionary<string, string?>
        {
            ["Teams:AppId"] = simulator.Options.AppId,
            ["Teams:AppPassword"] = simulator.Options.AppPassword,
            ["Teams:TenantId"] = simulator.Options.TenantId,
            ["Teams:OpenIdMetadataUrl"] = simulator.OpenIdMetadataUrl,
            ["Teams:TokenAuthority"] = simulator.TokenAuthority,
            ["Teams:DefaultServiceUrl"] = simulator.ServiceUrl,
        };
        configure?.Invoke(settings);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.Logging.AddFakeLogging(); // Logs: what a test may assert on (warnings given, no unhandled exception)
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var handler = new RecordingInboundHandler();
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton<IInboundHandler>(handler);
        builder.Services.AddTeams(builder.Configuration);
        var app = builder.Build();
        app.MapTeams();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TeamsBot(simulator, app, time, handler, new Uri(new Uri(address), "/api/messages"));
    }

    public Task<HttpResponseMessage> SendAsync(System.Text.Json.Nodes.JsonObject activity, TokenFlavour? flavour = TokenFlavour.Valid) =>
        Simulator.SendActivityAsync(Http, Messages, activity, flavour);

    public static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token;

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        await Simulator.DisposeAsync();
    }
}
