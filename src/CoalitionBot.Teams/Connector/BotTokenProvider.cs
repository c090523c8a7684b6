using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Teams.Connector;

/// <summary>
/// Gets the bot's outbound access token (client credentials, scope https://api.botframework.com/.default) from the
/// bot's tenant, or from "botframework.com" for legacy multi-tenant bots, and caches it until shortly before it expires.
/// </summary>
internal sealed partial class BotTokenProvider(
    IHttpClientFactory httpClients,
    IOptions<TeamsOptions> options,
    TimeProvider time,
    ILogger<BotTokenProvider> logger)
{
    public const string HttpClientName = "CoalitionBot.Teams.Token";
    public const string Scope = "https://api.botframework.com/.default";
    private static readonly TimeSpan RefreshBeforeExpiry = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim gate = new(1, 1);
    private (string Token, DateTimeOffset ExpiresAt)? cached;

    /// <summary>The bearer token, or null in the Development anonymous mode (nothing to authenticate with).</summary>
    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.Anonymous)
        {
            return null;
        }

        if (cached is { } fresh && time.GetUtcNow() < fresh.ExpiresAt - RefreshBeforeExpiry)
        {
            return fresh.Token;
        }

        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (cached is { } again && time.GetUtcNow() < again.ExpiresAt - RefreshBeforeExpiry)
            {
                return again.Token;
            }

            var endpoint = $"{settings.TokenAuthority.TrimEnd('/')}/{Uri.EscapeDataString(settings.TokenTenant)}/oauth2/v2.0/token";
            using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["grant_type"] = "client_credentials",
                    ["client_id"] = settings.AppId!,
                    ["client_secret"] = settings.AppPassword ?? string.Empty,
                    ["scope"] = Scope,
                }),
            };
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var error = await response.Content.ReadFromJsonAsync<TokenError>(cancellationToken).ConfigureAwait(false);
                LogTokenRefused(logger, (int)response.StatusCode, error?.Error ?? "unknown");
                throw new BotTokenException((int)response.StatusCode, error?.Error ?? "unknown");
            }

            var token = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken).ConfigureAwait(false);
            if (token?.AccessToken is not { Length: > 0 } accessToken)
            {
                throw new BotTokenException((int)response.StatusCode, "empty_token");
            }

            cached = (accessToken, time.GetUtcNow().AddSeconds(Math.Max(token.ExpiresIn, 60)));
            return accessToken;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Drops the cached token after the connector refused it (401), so the next call fetches a new one.</summary>
    public void Invalidate() => cached = null;

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);

    private sealed record TokenError([property: JsonPropertyName("error")] string? Error);

    [LoggerMessage(EventId = LogEvents.TokenRefused, Level = LogLevel.Error, Message = "The token endpoint refused the bot's credentials ({Status} {Error}); check Teams:AppId, Teams:AppPassword and Teams:TenantId")]
    private static partial void LogTokenRefused(ILogger logger, int status, string error);
}
