namespace CoalitionBot.WebChannel;

/// <summary>Configuration section "WebChannel": the local playground where anyone can try every flow in a browser.</summary>
public sealed class WebChannelOptions
{
    public const string Section = "WebChannel";

    /// <summary>On by default only when no chat platform is configured; set true or false to override.</summary>
    public bool? Enabled { get; set; }

    /// <summary>Load a demo coalition (partners, contacts, one draft memo) into an empty database at start.</summary>
    public bool Demo { get; set; }
}
