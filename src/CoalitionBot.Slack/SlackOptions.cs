using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace CoalitionBot.Slack;

/// <summary>Slack settings from the "Slack" configuration section. Tokens are secrets: never log them.</summary>
public sealed class SlackOptions
{
    public const string Section = "Slack";

    /// <summary>Bot user OAuth token (xoxb-…): every Web API call.</summary>
    public string? BotToken { get; set; }

    /// <summary>Signing secret: verifies HTTP-mode requests. Required for HTTP mode.</summary>
    public string? SigningSecret { get; set; }

    /// <summary>App-level token (xapp-…, scope connections:write): Socket Mode. When set, Socket Mode runs.</summary>
    public string? AppToken { get; set; }

    /// <summary>Web API base URL; the simulator replaces it in tests.</summary>
    [Required]
    [Url]
    public string ApiBaseUrl { get; set; } = "https://slack.com/api/";

    /// <summary>How long a slash command or form submission may take before we ack and answer later (Slack allows 3 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:02.800")]
    public TimeSpan InlineReplyBudget { get; set; } = TimeSpan.FromSeconds(2.2);

    /// <summary>Socket Mode keep-alive: a WebSocket ping this often, and a socket whose pong does not come back within it is replaced.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan SocketKeepAlive { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a contact found by users.lookupByEmail is remembered before asking Slack again.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan LookupHitLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long a users_not_found answer is remembered (a partner may join the workspace later).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan LookupMissLifetime { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Client-side pace of users.lookupByEmail (Slack's Tier 3: 50+ per minute; raise it only if Slack granted more).</summary>
    [Range(1, 10000)]
    public int LookupsPerMinute { get; set; } = 50;

    /// <summary>True when an app token is configured: the Socket Mode client runs.</summary>
    public bool SocketMode => !string.IsNullOrWhiteSpace(AppToken);

    /// <summary>True when a signing secret is configured: the HTTP endpoints accept requests.</summary>
    public bool HttpMode => !string.IsNullOrWhiteSpace(SigningSecret);

    /// <summary>Whether the configuration holds enough for either mode, so the host can decide to call AddSlack.</summary>
    public static bool IsConfigured(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var bot = section[nameof(BotToken)];
        return !string.IsNullOrWhiteSpace(bot)
            && (!string.IsNullOrWhiteSpace(section[nameof(SigningSecret)]) || !string.IsNullOrWhiteSpace(section[nameof(AppToken)]));
    }
}
