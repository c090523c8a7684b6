namespace CoalitionBot.WebChannel;

/// <summary>Configuration section "WebChannel": the local playground where anyone can try every flow in a browser.</summary>
public sealed class WebChannelOptions
{
    public const string Section = "WebChannel";

    /// <summary>On by default only when no chat platform is configured; set true or false to override.</summary>
    public bool? Enabled { get; set; }

    /// <summary>Load a demo coalition (partners, contacts, one draft memo) into an empty database at start.</summary>
    public bool Demo { get; set; }

    /// <summary>The loopback host names the playground always answers to.</summary>
    public static readonly IReadOnlyList<string> LoopbackHosts = ["localhost", "127.0.0.1", "[::1]"];

    /// <summary>
    /// Further host names (the Host header, without port) the playground answers to, besides <see cref="LoopbackHosts"/>.
    /// Empty by default, so a page on another site that rebinds its DNS name to 127.0.0.1 cannot talk to the bot as anyone.
    /// </summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>
    /// How long a sign-on submission, once journaled, waits for its handling before the browser is answered "received"
    /// (the confirmation then follows in the inbox). Short, so that a burst of submissions is answered at once (issue 14, P3).
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(typeof(TimeSpan), "00:00:00", "00:00:30")]
    public TimeSpan JournaledFormWait { get; set; } = TimeSpan.FromMilliseconds(100);
}
