using CoalitionBot.Slack;
using CoalitionBot.Core;
using CoalitionBot.Core.Outbox;
using CoalitionBot.Dashboard;
using CoalitionBot.Downloads;
using CoalitionBot.Email;
using CoalitionBot.Outbox;
using CoalitionBot.Reminders;
using CoalitionBot.SignOnPage;
using CoalitionBot.Unsubscribe;
using CoalitionBot.Storage.Outbox;
using CoalitionBot.Storage;
using CoalitionBot.Core.Receiving;
using CoalitionBot.WebChannel;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CoalitionBot.Hosting;

/// <summary>The host's table of contents: which services run and which endpoints answer.</summary>
public static class BotHost
{
    /// <summary>Where the bot listens when nothing else is configured: this machine only.</summary>
    public const string DefaultUrl = "http://127.0.0.1:3978";

    public static WebApplicationBuilder AddCoalitionBot(this WebApplicationBuilder builder)
    {
        var channels = ChannelSelection.From(builder.Configuration);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]) && string.IsNullOrEmpty(builder.Configuration["Kestrel:Endpoints:Http:Url"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        var services = builder.Services;
        services.AddSingleton(channels);
        services.AddCoalitionCore();
        services.AddDashboard();
        services.AddDownloads();
        services.AddSignOnPage();
        services.AddCoalitionStorage(builder.Configuration);

        services.AddKeyRing(builder.Configuration);
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<WebChannelOptions>().BindConfiguration(WebChannelOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<OutboxProcessor>();
        if (builder.Configuration.GetValue(OutboxOptions.Section + ":Enabled", true))
        {
            services.AddHostedService<OutboxWorker>();
        }

        services.AddOptions<ReminderOptions>().BindConfiguration(ReminderOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        if (builder.Configuration.GetValue(ReminderOptions.Section + ":Enabled", true))
        {
            services.AddHostedService<ReminderWorker>();
        }

        services.AddHostedService<CoalitionBot.Reach.ReachWorker>();
        if (channels.Web)
        {
            services.AddSingleton<WebDeliveryChannel>();
            services.AddSingleton<IDeliveryChannel>(sp => sp.GetRequiredService<WebDeliveryChannel>());
            services.AddWorkQueue(Core.Conversation.Platform.Web, capacity: 2000, workers: 2); // sign-ons acked before handling (WebFormIntake)
            services.AddSingleton<WebFormIntake>();
            services.AddSingleton<Core.Receiving.IJournalReplay>(sp => sp.GetRequiredService<WebFormIntake>());
        }

        // E-mail always runs: partners outside chat are reached by it. Without SMTP settings it writes to data/mail/.
        services.AddEmail(builder.Configuration, Directory.GetCurrentDirectory());
        if (channels.Teams)
        {
            services.AddTeams(builder.Configuration);
        }

        if (channels.Slack)
        {
            services.AddSlack(builder.Configuration);
        }

        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        services.AddHostedService<StartupReport>();
        services.AddBotTelemetry(builder.Configuration);
        return builder;
    }

    public static async Task<WebApplication> MapCoalitionBotAsync(this WebApplication app)
    {
        // The database is used before the host starts (migrations, keys): check its settings now, naming the key.
        _ = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<StorageOptions>>().Value;
        if (app.Configuration.GetValue(StorageOptions.Section + ":MigrateOnStart", true))
        {
            await DatabaseMigrator.MigrateAsync(app.Services);
        }

        await app.MapDownloadsAsync();
        app.MapSignOnPage();
        app.MapUnsubscribe();
        app.MapDashboard();
        var channels = app.Services.GetRequiredService<ChannelSelection>();
        if (channels.Web)
        {
            var options = app.Configuration.GetSection(WebChannelOptions.Section).Get<WebChannelOptions>() ?? new();
            if (options.Demo)
            {
                await using var scope = app.Services.CreateAsyncScope();
                await DemoCoalition.SeedAsync(scope.ServiceProvider.GetRequiredService<CoalitionDbContext>(), app.Services.GetRequiredService<TimeProvider>(), CancellationToken.None);
            }

            app.UseDefaultFiles();
            app.UseStaticFiles();
            app.MapWebChannel();
            app.MapMailPickup();
        }
        else
        {
            app.MapGet("/", (IServiceProvider services) => CoalitionBot.Slack.SlackServiceCollectionExtensions.IsDistributed(services)
                ? CoalitionBot.Slack.SlackServiceCollectionExtensions.AddToSlackPage()
                : Results.Text("CoalitionBot is running. Talk to it in Slack or Teams; /readyz shows its health.", "text/plain"));
        }

        if (channels.Teams)
        {
            app.MapTeams();
        }

        if (channels.Slack)
        {
            app.MapSlack();
        }

        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains("ready"),
            ResponseWriter = HealthReportWriter.WriteAsync,
        });
        return app;
    }
}
