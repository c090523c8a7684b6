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

    /// <summary>OAuth client id (Basic Information page): with ClientSecret and SigningSecret and no BotToken, the bot is distributed and installs per workspace.</summary>
    public string? ClientId { get; set; }

    /// <summary>OAuth client secret: exchanges install codes and refresh tokens (oauth.v2.access). A secret: never log it.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Where "Add to Slack" sends the browser: Slack's OAuth v2 authorize page; the simulator replaces it in tests.</summary>
    [Required]
    [Url]
    public string AuthorizeUrl { get; set; } = "https://slack.com/oauth/v2/authorize";

    /// <summary>How long before a rotating token expires it is refreshed.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "06:00:00")]
    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Web API base URL; the simulator replaces it in tests.</summary>
    [Required]
    [Url]
    public string ApiBaseUrl { get; set; } = "https://slack.com/api/";

    /// <summary>How long a slash command or form submission may take before we ack and answer later (Slack allows 3 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:02.800")]
    public TimeSpan InlineReplyBudget { get; set; } = TimeSpan.FromSeconds(2.2);

    /// <summary>
    /// How long a sign-on submission, once journaled, waits for its handling before the ack, so an error that depends
    /// on the memo's state can still show on the form; past it the modal closes and the answer follows in the DM.
    /// Short, so that a burst of submissions is acked at once (issue 14, P3).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:02.800")]
    public TimeSpan JournaledFormWait { get; set; } = TimeSpan.FromMilliseconds(100);

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

    /// <summary>True when the bot is distributed: client id and secret, no single bot token; tokens come from installations.</summary>
    public bool Distributed => string.IsNullOrWhiteSpace(BotToken) && !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret);

    /// <summary>True when a signing secret is configured: the HTTP endpoints accept requests.</summary>
    public bool HttpMode => !string.IsNullOrWhiteSpace(SigningSecret);

    /// <summary>Whether the configuration holds enough for either mode, so the host can decide to call AddSlack.</summary>
    public static bool IsConfigured(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var bot = section[nameof(BotToken)];
        var signing = !string.IsNullOrWhiteSpace(section[nameof(SigningSecret)]);
        var distributed = !string.IsNullOrWhiteSpace(section[nameof(ClientId)]) && !string.IsNullOrWhiteSpace(section[nameof(ClientSecret)]);
        return (!string.IsNullOrWhiteSpace(bot) && (signing || !string.IsNullOrWhiteSpace(section[nameof(AppToken)])))
            || (string.IsNullOrWhiteSpace(bot) && distributed && signing);
    }
}
