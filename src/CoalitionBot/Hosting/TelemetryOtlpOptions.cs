namespace CoalitionBot.Hosting;

/// <summary>Configuration section "Telemetry:Otlp".</summary>
public sealed class TelemetryOtlpOptions
{
    /// <summary>The collector's address (gRPC, usually port 4317); empty: no OTLP export.</summary>
    public string? Endpoint { get; set; }
}
