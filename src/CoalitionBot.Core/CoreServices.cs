using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Downloads;
using CoalitionBot.Core.Features;
using CoalitionBot.Core.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoalitionBot.Core;

/// <summary>Registers the core: router, features, pipeline and the <see cref="IInboundHandler"/> adapters call.</summary>
public static class CoreServices
{
    public static IServiceCollection AddCoalitionCore(this IServiceCollection services)
    {
        services.AddOptions<CoalitionOptions>().BindConfiguration(CoalitionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<DownloadOptions>().BindConfiguration(DownloadOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<IDownloadKey, ConfiguredDownloadKey>();
        services.TryAddSingleton<IPublicAddress, ConfiguredPublicAddress>();
        services.AddSingleton<DownloadSigner>();
        services.AddSingleton<DownloadLinks>();
        services.AddSingleton<IDownloadFileSource, DownloadFileSource>();
        services.AddSingleton<Reach.PersonalLinkTokens>();
        services.AddSingleton<Reach.PersonalLinks>();
        services.AddSingleton<Reach.IPersonalLinks>(sp => sp.GetRequiredService<Reach.PersonalLinks>());
        services.AddSingleton<IFeature, HelpFeature>();
        services.AddSingleton<IFeature, SetupFeature>();
        services.AddSingleton<IFeature, MemoViewFeature>();
        services.AddSingleton<IFeature, SignOnFeature>();
        services.AddSingleton<IFeature, CommentFeature>();
        services.AddSingleton<IFeature, StatusFeature>();
        services.AddSingleton<IFeature, AuthoringFeature>();
        services.AddSingleton<IFeature, CirculationFeature>();
        services.AddSingleton<IFeature, CompileFeature>();
        services.AddSingleton<IFeature, DiffFeature>();
        services.AddSingleton<IFeature, PartnersFeature>();
        services.AddSingleton<IFeature, PartnerDirectoryCommands>();
        services.AddSingleton<IFeature, CoordinatorsFeature>();
        services.AddSingleton<IFeature, CoalitionFeature>();
        services.AddSingleton<IFeature, RemindersFeature>();
        services.AddSingleton<IFeature, Dashboard.DashboardFeature>();
        services.AddSingleton<IFeature, CoalitionPlacesFeature>();
        services.TryAddScoped<Data.CoalitionScope>();
        services.AddSingleton<IFeature, JoinRequestForm>();
        services.AddSingleton<IFeature, JoinRequestCommands>();
        services.AddScoped<Dashboard.DashboardSignIn>();
        services.AddScoped<Dashboard.MemoListQuery>();
        services.AddScoped<Dashboard.MemoBoardQuery>();
        services.AddScoped<Dashboard.ProgressQuery>();
        services.AddScoped<Dashboard.MemoChangeQuery>();
        services.AddScoped<Dashboard.CirculationProgressQuery>();
        services.AddSingleton<Dashboard.FilePreparation>();
        services.AddScoped<Reminders.ReminderSweep>();
        services.AddScoped<Outbox.DeliveryOutcomeHandler>();
        services.AddSingleton<Reach.ContactFinders>();
        services.AddSingleton<Reach.ContactReach>();
        services.AddSingleton<ChannelTargets>();
        services.AddScoped<Reach.RouteFallback>();
        services.AddScoped<Reach.ReachSweep>();
        services.AddSingleton<Reach.ReachSignal>();
        services.AddSingleton<Reach.UnsubscribeLinks>();
        services.AddSingleton<Reach.IUnsubscribeLinks>(sp => sp.GetRequiredService<Reach.UnsubscribeLinks>());
        services.AddSingleton<Router>();
        services.AddScoped<ActorResolver>();
        services.AddScoped<InboundPipeline>();
        services.AddSingleton<IInboundHandler, InboundDispatcher>();
        services.TryAddSingleton<Telemetry.BotTelemetry>();
        return services;
    }
}
