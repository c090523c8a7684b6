using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Routing;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.FileProviders;

namespace CoalitionBot.Dashboard;

/// <summary>
/// The coordinator's dashboard: server-rendered pages under /dashboard that read through Core's query services and
/// act through the same inbound pipeline as chat. Registered in every mode (Slack, Teams, web).
/// </summary>
public static class DashboardEndpoints
{
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddCoalitionAntiforgery();
        services.AddSingleton<DashboardChanges>();
        services.AddSingleton<DashboardWork>();
        services.AddScoped<LongWork>();
        services.Replace(ServiceDescriptor.Singleton<IInboundHandler>(sp =>
            new NotifyingInboundHandler(ActivatorUtilities.CreateInstance<InboundDispatcher>(sp), sp.GetRequiredService<DashboardChanges>())));
        return services;
    }

    public static WebApplication MapDashboard(this WebApplication app)
    {
        // The host may run where there is no wwwroot (a crash-test copy, say): the pages still answer, unstyled.
        foreach (var (folder, path) in new[] { ("dashboard", "/dashboard/assets"), ("lib", "/lib") })
        {
            if (app.Environment.WebRootPath is { } root && Directory.Exists(Path.Combine(root, folder)))
            {
                app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Path.Combine(root, folder)), RequestPath = path });
            }
        }

        SignInEndpoints.Map(app);
        var pages = app.MapGroup("/dashboard").AddEndpointFilter(DashboardAuth.RequireCoordinator).DisableAntiforgery(); // checked by the filter, after the session
        PageEndpoints.Map(pages);
        ActionEndpoints.Map(pages);
        LiveEndpoint.Map(pages);
        return app;
    }
}
