using System.Diagnostics;
using CoalitionBot.Core.Telemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CoalitionBot.Hosting;

/// <summary>
/// Wires the OpenTelemetry SDK to the bot's <see cref="BotTelemetry"/> source and meter, ASP.NET Core and
/// HttpClient, exporting by OTLP and/or to the console as <see cref="TelemetryOptions"/> say; with neither set the
/// SDK is not started at all (the bot's own instruments still work for in-process listeners).
/// </summary>
internal static class TelemetrySetup
{
    public static IServiceCollection AddBotTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var options = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (!options.AnyExporter)
        {
            return services;
        }

        var otlp = options.Otlp.Endpoint is { Length: > 0 } endpoint && Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) ? uri : null;
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(BotTelemetry.Name))
            .WithTracing(tracing =>
            {
                tracing.AddSource(BotTelemetry.Name)
                    .AddAspNetCoreInstrumentation(o => o.EnrichWithHttpRequest = (activity, _) => WithoutRequestPath(activity))
                    .AddHttpClientInstrumentation(o => o.EnrichWithHttpRequestMessage = (activity, request) => WithoutSecretPath(activity, request));
                if (otlp is not null)
                {
                    tracing.AddOtlpExporter(o => o.Endpoint = otlp);
                }

                if (options.Console)
                {
                    tracing.AddConsoleExporter();
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(BotTelemetry.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                if (otlp is not null)
                {
                    metrics.AddOtlpExporter(o => o.Endpoint = otlp);
                }

                if (options.Console)
                {
                    metrics.AddConsoleExporter();
                }
            });
        return services;
    }

    // Personal links, dashboard sign-in links and signed downloads carry their token in the path or query:
    // spans keep the route template (http.route), never the concrete path.
    private static void WithoutRequestPath(Activity activity)
    {
        activity.SetTag("url.path", null);
        activity.SetTag("url.query", null);
    }

    // A Slack response_url (hooks.slack.com) is a bearer capability in its path.
    private static void WithoutSecretPath(Activity activity, HttpRequestMessage request)
    {
        if (request.RequestUri is { } uri && uri.Host.StartsWith("hooks.", StringComparison.OrdinalIgnoreCase))
        {
            activity.SetTag("url.full", $"{uri.Scheme}://{uri.Authority}/(redacted)");
        }
    }
}
