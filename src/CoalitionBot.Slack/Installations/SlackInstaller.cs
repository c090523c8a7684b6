using CoalitionBot.Core.Downloads;
using CoalitionBot.Slack.Api;
using CoalitionBot.Storage.Installations;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Slack.Installations;

/// <summary>
/// "Add to Slack" (OAuth v2): builds the authorize URL with the manifest's bot scopes and a signed state, and turns the
/// callback into a stored installation, or into a page that says what went wrong (nothing stored then).
/// </summary>
internal sealed partial class SlackInstaller(
    IOptionsMonitor<SlackOptions> options,
    IPublicAddress address,
    SlackInstallState states,
    SlackOAuthClient oauth,
    SlackTokenProtector protector,
    SlackTokenSource tokens,
    SlackInstallationStore store,
    TimeProvider clock,
    ILogger<SlackInstaller> log)
{
    public const string CallbackPath = "/slack/oauth/callback";

    public string RedirectUri => address.BaseUrl + CallbackPath;

    public string AuthorizeUrl()
    {
        var current = options.CurrentValue;
        return QueryString.Create(
        [
            KeyValuePair.Create("client_id", (string?)current.ClientId),
            KeyValuePair.Create("scope", (string?)SlackManifestScopes.Bot),
            KeyValuePair.Create("state", (string?)states.Create()),
            KeyValuePair.Create("redirect_uri", (string?)RedirectUri),
        ]).ToUriComponent().Insert(0, current.AuthorizeUrl);
    }

    public async Task<IResult> CompleteAsync(string? code, string? state, string? error, CancellationToken cancellationToken)
    {
        if (error is not null)
        {
            return error == "access_denied"
                ? SlackInstallPage.Show(400, "Not installed", "The install was cancelled in Slack, so nothing was added. Start again from \"Add to Slack\" when you are ready.")
                : SlackInstallPage.Show(400, "Not installed", $"Slack stopped the install ({(IsErrorCode(error) ? error : "unknown error")}). Start again from \"Add to Slack\".");
        }

        var nonce = states.Verify(state);
        if (nonce is null || string.IsNullOrEmpty(code))
        {
            return SlackInstallPage.Show(400, "Install link expired", "This install link is not valid or is older than 10 minutes. Start again from \"Add to Slack\".");
        }

        if (!await store.SpendStateAsync(nonce, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false))
        {
            return SlackInstallPage.Show(400, "Install link already used", "This install link was used already. Start again from \"Add to Slack\".");
        }

        SlackOAuthGrant grant;
        try
        {
            grant = await oauth.ExchangeCodeAsync(code, RedirectUri, cancellationToken).ConfigureAwait(false);
        }
        catch (SlackApiException failed)
        {
            LogExchangeFailed(log, failed.Error);
            return SlackInstallPage.Show(502, "Not installed", $"Slack did not accept the install ({failed.Error}).", Advice(failed.Error));
        }
        catch (SlackTransientException)
        {
            return SlackInstallPage.Show(503, "Not installed", "Slack could not be reached. Start again from \"Add to Slack\" in a minute.");
        }

        await store.SaveAsync(ToInstallation(grant), cancellationToken).ConfigureAwait(false);
        tokens.Forget(grant.TeamId);
        LogInstalled(log, grant.TeamId, grant.EnterpriseId);
        return SlackInstallPage.Show(
            200,
            "CoalitionBot is installed",
            "CoalitionBot is now in your Slack workspace. Open Slack, find CoalitionBot under Apps and send it \"help\".",
            "To use it in a channel, invite it there with /invite @CoalitionBot. A coordinator starts with \"setup\".");
    }

    private SlackInstallation ToInstallation(SlackOAuthGrant grant) => new()
    {
        TeamId = grant.TeamId,
        EnterpriseId = grant.EnterpriseId,
        BotUserId = grant.BotUserId,
        ProtectedBotToken = protector.Protect(grant.AccessToken),
        Scopes = grant.Scopes,
        InstalledBy = grant.InstalledBy,
        ProtectedRefreshToken = grant.RefreshToken is null ? null : protector.Protect(grant.RefreshToken),
        TokenExpiresAt = grant.ExpiresIn is { } lifetime ? clock.GetUtcNow() + lifetime : null,
        InstalledAt = clock.GetUtcNow(),
    };

    /// <summary>Only what looks like one of Slack's error codes is repeated on the page (the query string is anyone's to write).</summary>
    private static bool IsErrorCode(string error) => error.Length <= 60 && error.All(c => c is (>= 'a' and <= 'z') or '_');

    private static string Advice(string error) => error switch
    {
        "invalid_code" or "code_already_used" or "code_expired" => "The code from Slack was not valid any more. Start again from \"Add to Slack\".",
        "bad_redirect_uri" => "The bot's redirect URL is not listed in the Slack app (OAuth & Permissions → Redirect URLs). Tell the bot's operator.",
        "invalid_client_id" or "bad_client_secret" => "The bot's Slack:ClientId or Slack:ClientSecret is wrong. Tell the bot's operator.",
        _ => "Start again from \"Add to Slack\"; if it keeps failing, tell the bot's operator.",
    };

    [LoggerMessage(EventId = LogEvents.Installed, Level = LogLevel.Information, Message = "Slack app installed in workspace {TeamId} (enterprise {EnterpriseId})")]
    private static partial void LogInstalled(ILogger logger, string teamId, string? enterpriseId);

    [LoggerMessage(EventId = LogEvents.InstallFailed, Level = LogLevel.Warning, Message = "Slack install failed: oauth.v2.access answered {Error}")]
    private static partial void LogExchangeFailed(ILogger logger, string error);
}
