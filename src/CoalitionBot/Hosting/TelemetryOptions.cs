using System.ComponentModel.DataAnnotations;

namespace CoalitionBot.Hosting;

/// <summary>Configuration section "Telemetry": where traces and metrics go. Nothing is exported unless set.</summary>
public sealed class TelemetryOptions : IValidatableObject
{
    public const string Section = "Telemetry";

    /// <summary>The OTLP exporter (an OpenTelemetry Collector, Jaeger, Grafana Alloy, …); off while its endpoint is empty.</summary>
    public TelemetryOtlpOptions Otlp { get; set; } = new();

    /// <summary>Write spans and metrics to the console (for a look during development); off by default.</summary>
    public bool Console { get; set; }

    /// <summary>True when any exporter is configured, so the SDK is worth starting.</summary>
    public bool AnyExporter => Otlp.Endpoint is { Length: > 0 } || Console;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Otlp.Endpoint is { Length: > 0 } endpoint
            && (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            yield return new ValidationResult("Telemetry:Otlp:Endpoint must be an absolute http(s) address such as http://localhost:4317.", [nameof(Otlp)]);
        }
    }
}
