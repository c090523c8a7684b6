using Microsoft.Extensions.Logging.Testing;
using System.Net;
using Microsoft.Extensions.Configuration;
using CoalitionBot.Core.Conversation;
using CoalitionBot.Testing.Slack;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CoalitionBot.Slack.Tests.Support;

/// <summary>The bot's Slack adapter in a real Kestrel host, wired to a <see cref="SlackSimulator"/> and a recording handler.</summary>
internal sealed class SlackTestHost : IAsyncDisposable
{
    private SlackTestHost(WebApplication app, SlackSimulator slack, FakeTimeProvider time, RecordingInboundHandler handler, Uri baseUrl)
    {
        App = app;
        Slack = slack;
        Time = time;
        Handler = handler;
        BaseUrl = baseUrl;
    }

    public WebApplication App { get; }

    public SlackSimulator Slack { get; }

    public FakeTimeProvider Time { get; }

    public RecordingInboundHandler Handler { get; }

    public Uri BaseUrl { get; }

    public IServiceProvider Services => App.Services;

    /// <summary>Everything the bot logged, for asserting warnings and the absence of unhandled exceptions.</summary>
    public FakeLogCollector Logs => App.Services.GetFakeLogCollector();

    public static async Task<SlackTestHost> StartAsync(bool socketMode = false, bool httpMode = true, Action<Dictionary<string, string?>>? configure = null, Action<SlackSimulator>? arrange = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var slack = await SlackSimulator.StartAsync(time);
        arrange?.Invoke(slack);
        var settings = new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = slack.BotToken,
            ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl,
            ["Slack:SigningSecret"] = httpMode ? slack.SigningSecret : null,
            ["Slack:AppToken"] = socketMode ? slack.AppToken : null,
        };
        configure?.Invoke(settings);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddFakeLogging(); // Logs: what a test may assert on (warnings given, no unhandled exception)
        if (Environment.GetEnvironmentVariable("SLACK_TEST_LOG") == "1")
        {
            builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Debug);
        }

        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Configuration.AddInMemoryCollection(settings);
        var handler = new RecordingInboundHandler();
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton<IInboundHandler>(handler);
        builder.Services.AddSlack(builder.Configuration);
        var app = builder.Build();
        app.MapSlack();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SlackTestHost(app, slack, time, handler, new Uri(address.TrimEnd('/') + "/"));
    }

    public Uri Url(string path) => new(BaseUrl, path);

    public Task<SimulatedHttpResponse> SendCommandAsync(string text, string userId = "U1", string channelId = "C1") =>
        Slack.DeliverAsync(Url("slack/commands"), "application/x-www-form-urlencoded", SlackSimulator.FormEncode(Slack.SlashCommand(text, userId, channelId)));

    public Task<SimulatedHttpResponse> SendInteractionAsync(System.Text.Json.Nodes.JsonObject payload) =>
        Slack.DeliverAsync(Url("slack/interactions"), "application/x-www-form-urlencoded", SlackSimulator.FormEncode([KeyValuePair.Create("payload", payload.ToJsonString())]));

    public Task<SimulatedHttpResponse> SendEventAsync(System.Text.Json.Nodes.JsonObject envelope, int retryNum = 0) =>
        Slack.DeliverAsync(Url("slack/events"), "application/json", envelope.ToJsonString(), retryNum);

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        await Slack.DisposeAsync();
    }
}
