using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Tokens;

namespace CoalitionBot.Teams.Auth;

/// <summary>
/// Verifies the Bearer token Bot Framework puts on every activity it posts to us (PROTOCOLS.md, "Verifying inbound
/// activities"). Fails closed: any doubt, including metadata we cannot fetch, refuses the request.
/// </summary>
internal sealed partial class BotFrameworkAuthenticator(
    IOptions<TeamsOptions> options,
    IConfigurationManager<BotFrameworkSigningKeys> keys,
    TimeProvider time,
    ILogger<BotFrameworkAuthenticator> logger)
{
    public const string Issuer = "https://api.botframework.com";
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);
    private readonly JsonWebTokenHandler handler = new() { MapInboundClaims = false };

    /// <summary>The Bot Framework channel this bot serves; a valid token for any other channel (webchat, directline) is refused.</summary>
    public const string TeamsChannel = "msteams";

    /// <summary>
    /// Step one, from the Authorization header alone (before a byte of the body is read): the token's signature,
    /// issuer, audience and lifetime. Anonymous Development mode accepts without a token.
    /// </summary>
    public async Task<TokenCheck> ValidateHeaderAsync(string? authorization, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.Anonymous)
        {
            return new TokenCheck(AuthenticationOutcome.Ok, null, null);
        }

        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return new TokenCheck(AuthenticationOutcome.Unauthorized("no bearer token"), null, null);
        }

        var token = authorization["Bearer ".Length..].Trim();
        BotFrameworkSigningKeys signing;
        try
        {
            signing = await keys.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogMetadataUnavailable(logger, ex.GetType().Name, settings.OpenIdMetadataUrl);
            return new TokenCheck(AuthenticationOutcome.Unauthorized("signing keys unavailable"), null, null);
        }

        var result = await handler.ValidateTokenAsync(token, Parameters(settings.AppId!, signing)).ConfigureAwait(false);
        if (!result.IsValid && result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // Keys roll over: fetch them again once before refusing a token signed by a key we have not seen yet.
            keys.RequestRefresh();
            try
            {
                signing = await keys.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
                result = await handler.ValidateTokenAsync(token, Parameters(settings.AppId!, signing)).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogMetadataUnavailable(logger, ex.GetType().Name, settings.OpenIdMetadataUrl);
                return new TokenCheck(AuthenticationOutcome.Unauthorized("signing keys unavailable"), null, null);
            }
        }

        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt)
        {
            var reason = result.Exception?.GetType().Name ?? "invalid token";
            LogRefused(logger, 401, reason);
            return new TokenCheck(AuthenticationOutcome.Unauthorized(reason), null, null);
        }

        return new TokenCheck(AuthenticationOutcome.Ok, jwt, signing);
    }

    /// <summary>
    /// Step two, once the body is read: the activity must come from Teams (channelId <c>msteams</c>, with a key
    /// endorsed for it) and its serviceUrl must be the one the token was issued for. Anonymous Development mode
    /// still takes only a loopback serviceUrl (the simulator), so a stray request cannot aim replies elsewhere.
    /// </summary>
    public AuthenticationOutcome CheckActivity(TokenCheck check, string? channelId, string? serviceUrl)
    {
        ArgumentNullException.ThrowIfNull(check);
        if (!check.Outcome.Allowed)
        {
            return check.Outcome;
        }

        if (string.IsNullOrEmpty(channelId) || string.IsNullOrEmpty(serviceUrl))
        {
            return AuthenticationOutcome.Unauthorized("activity lacks channelId or serviceUrl");
        }

        if (!string.Equals(channelId, TeamsChannel, StringComparison.Ordinal))
        {
            LogRefused(logger, 403, $"channel {channelId} is not {TeamsChannel}");
            return AuthenticationOutcome.Forbidden("not the msteams channel");
        }

        if (check.Token is not { } jwt || check.Signing is not { } signing)
        {
            // Anonymous Development mode.
            if (!IsLoopback(serviceUrl))
            {
                LogRefused(logger, 403, "anonymous mode takes only a loopback serviceUrl");
                return AuthenticationOutcome.Forbidden("serviceUrl not loopback");
            }

            return AuthenticationOutcome.Ok;
        }

        if (!jwt.TryGetPayloadValue<string>("serviceurl", out var claimed) || !string.Equals(claimed, serviceUrl, StringComparison.Ordinal))
        {
            LogRefused(logger, 401, "serviceurl claim does not match the activity");
            return AuthenticationOutcome.Unauthorized("serviceurl mismatch");
        }

        var keyId = jwt.SigningKey?.KeyId ?? jwt.Kid;
        if (keyId is null || !signing.Endorsements.TryGetValue(keyId, out var channels) || !channels.Contains(channelId))
        {
            LogRefused(logger, 403, $"signing key not endorsed for channel {channelId}");
            return AuthenticationOutcome.Forbidden("key not endorsed for channel");
        }

        return AuthenticationOutcome.Ok;
    }

    private static bool IsLoopback(string serviceUrl) =>
        Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) && uri.IsLoopback;

    private TokenValidationParameters Parameters(string appId, BotFrameworkSigningKeys signing) => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = appId,
        IssuerSigningKeys = signing.Keys,
        ValidAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512],
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ValidateLifetime = true,
        ValidateIssuerSigningKey = false,
        ClockSkew = ClockSkew,
        LifetimeValidator = IsWithinLifetime,
    };

    // Our own clock (TimeProvider) rather than the library's DateTime.UtcNow, so tests control it.
    private bool IsWithinLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (expires is null || now > expires.Value.ToUniversalTime() + ClockSkew)
        {
            return false;
        }

        return notBefore is null || now >= notBefore.Value.ToUniversalTime() - ClockSkew;
    }

    [LoggerMessage(EventId = LogEvents.AuthRefused, Level = LogLevel.Warning, Message = "Teams request refused ({Status}): {Reason}")]
    private static partial void LogRefused(ILogger logger, int status, string reason);

    [LoggerMessage(EventId = LogEvents.MetadataUnavailable, Level = LogLevel.Error, Message = "Bot Framework signing keys could not be fetched from {MetadataUrl} ({Error}); refusing Teams requests until they can")]
    private static partial void LogMetadataUnavailable(ILogger logger, string error, string metadataUrl);
}
