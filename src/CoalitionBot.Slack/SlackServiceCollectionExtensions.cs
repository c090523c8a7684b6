using System.Net;
using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Outbox;
using CoalitionBot.Core.Receiving;
using CoalitionBot.Slack.Api;
using CoalitionBot.Slack.Hosting;
using CoalitionBot.Slack.Installations;
using CoalitionBot.Storage;
using CoalitionBot.Slack.Receiving;
using CoalitionBot.Slack.SocketMode;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace CoalitionBot.Slack;

/// <summary>Wires the Slack adapter into a host: <c>services.AddSlack(config)</c> and <c>app.MapSlack()</c>.</summary>
public static class SlackServiceCollectionExtensions
{
    /// <summary>
    /// Registers options (validated at start), the Web API client, the shared inbound pipeline, the receiver kit with Slack's work queue,
    /// the Socket Mode client (runs only when Slack:AppToken is set), the "slack" health check and the
    /// <see cref="IDeliveryChannel"/> for Slack. Needs an <see cref="CoalitionBot.Core.Conversation.IInboundHandler"/> registered by the host.
    /// </summary>
    public static IServiceCollection AddSlack(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SlackOptions>()
            .BindConfiguration(SlackOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddSingleton<SlackRateLimiter>();
        // The client lives in singletons, so its handler is never rotated by the factory: let the socket pool
        // recycle connections itself so DNS changes at Slack's edge are still picked up.
        services.AddHttpClient<SlackApiClient>(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers() // response_url, upload and socket URLs are credentials: keep them out of logs
            .AddResilienceHandler("slack-web-api", ConfigureResilience);

        services.AddHttpClient<SlackOAuthClient>(client => client.Timeout = TimeSpan.FromSeconds(15))
            .RemoveAllLoggers(); // the form carries the client secret and codes
        services.TryAddSingleton(sp => new SlackTokenSource(
            sp.GetRequiredService<IOptionsMonitor<SlackOptions>>(),
            sp.GetRequiredService<Microsoft.Extensions.DependencyInjection.IServiceScopeFactory>(),
            sp.GetRequiredService<SlackTokenProtector>(),
            sp.GetRequiredService<SlackOAuthClient>(),
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<SlackUninstalls>();
        services.TryAddScoped<SlackInstaller>();
        AddTokenProtection(services);

        services.TryAddSingleton<SlackRequestVerifier>();
        services.AddWorkQueue(Platform.Slack, capacity: 2000, workers: 2);
        services.TryAddSingleton<SlackHealth>();
        services.TryAddSingleton<SlackUserDirectory>();
        services.TryAddSingleton<SlackReplySender>();
        services.TryAddSingleton<SlackReplyDispatcher>();
        services.TryAddSingleton<SlackEventProcessor>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IJournalReplay, SlackJournalReplay>());
        services.TryAddSingleton<SlackInboundProcessor>();
        services.AddSingleton<IDeliveryChannel, SlackDeliveryChannel>();
        services.AddSingleton<CoalitionBot.Core.Conversation.IEmailLookup, SlackEmailLookup>();
        services.AddSingleton<CoalitionBot.Core.Reach.IContactFinder, Reach.SlackContactFinder>();
        services.AddSingleton<CoalitionBot.Core.Reach.Channels.IChannelFinder, Reach.SlackChannelFinder>();

        services.AddHostedService<SlackSocketModeService>();
        services.AddHostedService<SlackAuthCheckService>();
        services.AddHealthChecks().AddCheck<SlackHealthCheck>("slack", tags: ["ready"]);
        return services;
    }

    /// <summary>
    /// Maps POST /slack/commands, /slack/interactions and /slack/events (HTTP mode; each request signature-checked) and,
    /// when distributed, GET /slack/install ("Add to Slack") and GET /slack/oauth/callback.
    /// </summary>
    public static IEndpointRouteBuilder MapSlack(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/slack");
        if (endpoints.ServiceProvider.GetRequiredService<IOptions<SlackOptions>>().Value.Distributed)
        {
            group.MapGet("/install", (SlackInstaller installer) => Results.Redirect(installer.AuthorizeUrl()));
            group.MapGet("/oauth/callback", (SlackInstaller installer, string? code, string? state, string? error, CancellationToken ct) =>
                installer.CompleteAsync(code, state, error, ct));
        }

        group.MapPost("/commands", (HttpContext http) => SlackEndpoints.HandleAsync(http, SlackPayloadKind.SlashCommand));
        group.MapPost("/interactions", (HttpContext http) => SlackEndpoints.HandleAsync(http, SlackPayloadKind.Interactive));
        group.MapPost("/events", (HttpContext http) => SlackEndpoints.HandleAsync(http, SlackPayloadKind.Event));
        return endpoints;
    }

    /// <summary>True when Slack runs distributed (many workspaces), so the host's home page offers "Add to Slack".</summary>
    public static bool IsDistributed(IServiceProvider services) =>
        services.GetService<IOptions<SlackOptions>>()?.Value.Distributed == true;

    /// <summary>The host's home page when distributed: an "Add to Slack" button leading to /slack/install.</summary>
    public static IResult AddToSlackPage() => SlackInstallPage.Show(
        200, "CoalitionBot", "CoalitionBot runs coalition sign-on memos in Slack.", SlackInstallPage.AddToSlackButton);

    /// <summary>
    /// Tokens are encrypted with Data Protection. The host keeps its key ring in the database (so every instance reads
    /// the same keys); an adapter-only host gets Data Protection's default store.
    /// </summary>
    private static void AddTokenProtection(IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("CoalitionBot");
        services.TryAddSingleton<SlackTokenProtector>();
        services.TryAddSingleton<SlackInstallState>();
    }

    /// <summary>
    /// Retries only what is safe and not ours to pace: connection failures and 502/503/504. A 429 is never
    /// retried here: the API client honours Retry-After itself and the outbox reschedules.
    /// </summary>
    private static void ConfigureResilience(ResiliencePipelineBuilder<HttpResponseMessage> pipeline)
    {
        // Network retries and timeouts run on the wall clock even when the host injects a test clock: a frozen
        // clock must never hold a socket open or stall disposal (Polly waits for in-flight calls on its clock).
        pipeline.TimeProvider = TimeProvider.System;
        pipeline.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = 2,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(300),
            ShouldRetryAfterHeader = false,
            ShouldHandle = args => ValueTask.FromResult(
                args.Outcome.Exception is HttpRequestException
                || args.Outcome.Result?.StatusCode is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout),
        });
        pipeline.AddTimeout(TimeSpan.FromSeconds(10));
    }
}
