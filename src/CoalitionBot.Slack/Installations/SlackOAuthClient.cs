using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoalitionBot.Slack.Api;
using CoalitionBot.Slack.Receiving;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Slack.Installations;

/// <summary>
/// oauth.v2.access: exchanges an install code (code, client_id, client_secret, redirect_uri) or a refresh token
/// (grant_type=refresh_token) for a workspace's bot token. Form-encoded, no Bearer: the client secret is the credential.
/// </summary>
internal sealed class SlackOAuthClient(HttpClient http, IOptionsMonitor<SlackOptions> options)
{
    private const string Method = "oauth.v2.access";

    public Task<SlackOAuthGrant> ExchangeCodeAsync(string code, string redirectUri, CancellationToken cancellationToken) =>
        AccessAsync(new() { ["code"] = code, ["redirect_uri"] = redirectUri }, cancellationToken);

    public Task<SlackOAuthGrant> RefreshAsync(string refreshToken, CancellationToken cancellationToken) =>
        AccessAsync(new() { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken }, cancellationToken);

    private async Task<SlackOAuthGrant> AccessAsync(Dictionary<string, string> form, CancellationToken cancellationToken)
    {
        var current = options.CurrentValue;
        form["client_id"] = current.ClientId ?? string.Empty;
        form["client_secret"] = current.ClientSecret ?? string.Empty;
        var baseUrl = current.ApiBaseUrl.EndsWith('/') ? current.ApiBaseUrl : current.ApiBaseUrl + "/";
        using var content = new FormUrlEncodedContent(form);
        JsonObject json;
        try
        {
            using var response = await http.PostAsync(new Uri(new Uri(baseUrl), Method), content, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new SlackTransientException(Method, $"HTTP {(int)response.StatusCode}");
            }

            json = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken).ConfigureAwait(false)
                ?? throw new SlackTransientException(Method, "empty body");
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new SlackTransientException(Method, ex.GetType().Name, ex);
        }

        if (json["ok"]?.GetValue<bool>() != true)
        {
            throw new SlackApiException(Method, (string?)json["error"] ?? "unknown_error");
        }

        return Read(json);
    }

    private static SlackOAuthGrant Read(JsonObject json)
    {
        var token = json.Str("access_token");
        var team = json.Obj("team").Str("id");
        var botUser = json.Str("bot_user_id");
        if (token is null || team is null || botUser is null || json.Str("token_type") is not (null or "bot"))
        {
            throw new SlackApiException(Method, "unexpected_answer");
        }

        var expires = json["expires_in"] is JsonValue seconds && seconds.TryGetValue<long>(out var s) ? TimeSpan.FromSeconds(s) : (TimeSpan?)null;
        return new SlackOAuthGrant(
            token, team, json.Obj("enterprise").Str("id"), botUser, json.Str("scope") ?? string.Empty,
            json.Obj("authed_user").Str("id"), json.Str("refresh_token"), expires);
    }
}
