using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace CoalitionBot.Teams;

/// <summary>Settings of the Teams adapter, bound from the "Teams" configuration section.</summary>
public sealed class TeamsOptions
{
    public const string Section = "Teams";
    public const string DefaultOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public const string DefaultTokenAuthority = "https://login.microsoftonline.com";
    public const string TeamsServiceUrl = "https://smba.trafficmanager.net/teams/";

    /// <summary>The bot's Microsoft App ID (the Azure Bot registration's app id). Empty only in the Development anonymous mode.</summary>
    public string? AppId { get; set; }

    /// <summary>The client secret of the app registration. Secret: never logged.</summary>
    public string? AppPassword { get; set; }

    /// <summary>The Entra tenant the single-tenant bot belongs to; used as the outbound token authority.</summary>
    public string? TenantId { get; set; }

    /// <summary>Legacy multi-tenant bots get their outbound token from the "botframework.com" tenant instead.</summary>
    public bool MultiTenant { get; set; }

    [Required(ErrorMessage = "Teams:OpenIdMetadataUrl must not be empty.")]
    [Url(ErrorMessage = "Teams:OpenIdMetadataUrl must be an absolute http(s) URL.")]
    public string OpenIdMetadataUrl { get; set; } = DefaultOpenIdMetadataUrl;

    [Required(ErrorMessage = "Teams:TokenAuthority must not be empty.")]
    [Url(ErrorMessage = "Teams:TokenAuthority must be an absolute http(s) URL.")]
    public string TokenAuthority { get; set; } = DefaultTokenAuthority;

    /// <summary>Used for proactive messages to people whose conversation reference carries no serviceUrl yet.</summary>
    [Required(ErrorMessage = "Teams:DefaultServiceUrl must not be empty.")]
    [Url(ErrorMessage = "Teams:DefaultServiceUrl must be an absolute http(s) URL.")]
    public string DefaultServiceUrl { get; set; } = TeamsServiceUrl;

    /// <summary>
    /// How old a team's roster may be before a search by e-mail reads it again (membership events keep it current;
    /// this catches events the bot missed while it was down). Default one hour.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00", ErrorMessage = "Teams:RosterMaxAge must be between 00:01:00 and 7.00:00:00.")]
    public TimeSpan RosterMaxAge { get; set; } = TimeSpan.FromHours(1);

    /// <summary>True when no app id is set: requests are not authenticated. Allowed only in Development (checked at start).</summary>
    public bool Anonymous => string.IsNullOrWhiteSpace(AppId);

    /// <summary>The tenant segment of the token endpoint: the bot's tenant, or "botframework.com" for legacy multi-tenant bots.</summary>
    public string TokenTenant => MultiTenant ? "botframework.com" : TenantId ?? string.Empty;

    /// <summary>Whether the host should switch the Teams adapter on: an app id is configured.</summary>
    public static bool IsConfigured(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return !string.IsNullOrWhiteSpace(configuration[$"{Section}:{nameof(AppId)}"]);
    }
}
