using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Outbox;
using CoalitionBot.Core.Receiving;
using CoalitionBot.Teams.Auth;
using CoalitionBot.Teams.Cards;
using CoalitionBot.Teams.Connector;
using CoalitionBot.Teams.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Polly;
using Polly.Retry;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Teams adapter: options, authentication, the activity endpoint's services, the connector and the outbox channel.</summary>
public static class TeamsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the Teams adapter. Needs an <c>IInboundHandler</c> registered by the host (and an <c>IRosterStore</c> to find
    /// contacts in team rosters). Registers an <see cref="IDeliveryChannel"/> and an <c>IContactFinder</c> for Platform.Teams, the receiver kit with Teams' work queue (four workers) and the "teams" health check (tag "ready").
    /// </summary>
    public static IServiceCollection AddTeams(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<CoalitionBot.Teams.TeamsOptions>()
            .BindConfiguration(CoalitionBot.Teams.TeamsOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CoalitionBot.Teams.TeamsOptions>, CoalitionBot.Teams.TeamsOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.AddHttpClient(MetadataDocumentRetriever.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(15));
        services.AddHttpClient(BotTokenProvider.HttpClientName).AddStandardResilienceHandler();
        services.AddHttpClient(BotConnectorClient.HttpClientName)
            .AddResilienceHandler("teams-connector", pipeline => pipeline.AddTimeout(TimeSpan.FromSeconds(30)));

        // Retries of replies to people waiting in a conversation; the outbox does its own retrying.
        services.AddResiliencePipeline<string, ConnectorResult>(ReplySender.PipelineKey, pipeline => pipeline.AddRetry(new RetryStrategyOptions<ConnectorResult>
        {
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { Transient: true, Status: not 401 } || args.Outcome.Exception is HttpRequestException),
            MaxRetryAttempts = 4,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromSeconds(1),
            DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result?.RetryAfter),
        }));

        services.TryAddSingleton<MetadataDocumentRetriever>();
        services.TryAddSingleton<IConfigurationManager<BotFrameworkSigningKeys>>(sp =>
            new ConfigurationManager<BotFrameworkSigningKeys>(
                sp.GetRequiredService<IOptions<CoalitionBot.Teams.TeamsOptions>>().Value.OpenIdMetadataUrl,
                new BotFrameworkKeysRetriever(),
                sp.GetRequiredService<MetadataDocumentRetriever>())
            {
                AutomaticRefreshInterval = TimeSpan.FromHours(12),
                RefreshInterval = TimeSpan.FromSeconds(30),
            });
        services.TryAddSingleton<BotFrameworkAuthenticator>();
        services.TryAddSingleton<BotTokenProvider>();
        services.TryAddSingleton<ConnectorRateLimiter>();
        services.TryAddSingleton<BotConnectorClient>();
        services.TryAddSingleton<AdaptiveCardRenderer>();
        services.TryAddSingleton<OutboundActivities>();
        services.TryAddSingleton<TeamsDeliveryChannel>();
        services.AddSingleton<CoalitionBot.Core.Conversation.IEmailLookup, TeamsEmailLookup>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDeliveryChannel, TeamsDeliveryChannel>(sp => sp.GetRequiredService<TeamsDeliveryChannel>()));
        services.AddWorkQueue(Platform.Teams, capacity: 1000, workers: 4);
        services.TryAddSingleton<QueuedActivityHandler>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IJournalReplay, QueuedActivityHandler>(sp => sp.GetRequiredService<QueuedActivityHandler>()));
        services.TryAddSingleton<CoalitionBot.Teams.Rosters.TeamsRosters>();
        services.TryAddSingleton<CoalitionBot.Teams.Rosters.TeamsRosterEvents>();
        services.AddHostedService<CoalitionBot.Teams.Rosters.TeamsRosterWorker>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<CoalitionBot.Core.Reach.IContactFinder, CoalitionBot.Teams.Rosters.TeamsContactFinder>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<CoalitionBot.Core.Reach.Channels.IChannelFinder, CoalitionBot.Teams.Rosters.TeamsChannelFinder>());
        services.TryAddSingleton<ReplySender>();
        services.TryAddSingleton<InvokeHandler>();
        services.TryAddSingleton<TeamsActivityEndpoint>();
        services.AddHostedService<TeamsAnonymousWarning>();
        services.AddHealthChecks().AddCheck<TeamsHealthCheck>("teams", tags: ["ready"]);
        return services;
    }
}
