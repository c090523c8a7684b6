using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace CoalitionBot.Testing.Slack;

/// <summary>
/// Distribution (OAuth v2) as Slack does it: GET /oauth/v2/authorize checks client id, scopes and redirect URI and, for the
/// person at the consent page (<see cref="ConsentAs"/>), redirects to redirect_uri with a one-time code (10 minutes) and the
/// state, or with error=access_denied; oauth.v2.access answers with its real error codes (invalid_client_id,
/// bad_client_secret, invalid_code, bad_redirect_uri, invalid_refresh_token, invalid_grant_type) and, with
/// <see cref="TokenRotation"/>, issues expiring tokens (token_expired after <see cref="TokenLifetime"/>) and refresh tokens.
/// </summary>
public sealed partial class SlackSimulator
{
    private readonly ConcurrentDictionary<string, PendingCode> codes = new();
    private readonly ConcurrentDictionary<string, SimulatedWorkspace> tokenOwners = new();
    private (string TeamId, string UserId, bool Allow) consent;

    public string ClientId { get; } = "1111.2222";

    public string ClientSecret { get; } = RandomNumberGenerator.GetHexString(32, lowercase: true);

    /// <summary>What the bot's Slack:AuthorizeUrl should be.</summary>
    public string AuthorizeUrl => new Uri(BaseUrl, "oauth/v2/authorize").ToString();

    public ConcurrentDictionary<string, SimulatedWorkspace> Workspaces { get; } = new();

    /// <summary>Token rotation (an app setting in Slack): tokens expire after <see cref="TokenLifetime"/> and come with a refresh token.</summary>
    public bool TokenRotation { get; set; }

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Adds a workspace with its members (also added to <see cref="Users"/>).</summary>
    public SimulatedWorkspace AddWorkspace(string teamId, string name, params SimulatedUser[] members)
    {
        var workspace = new SimulatedWorkspace(teamId, name);
        foreach (var member in members)
        {
            Users[member.Id] = member;
            workspace.Members.Add(member.Id);
        }

        Workspaces[teamId] = workspace;
        return workspace;
    }

    /// <summary>Who is at Slack's consent page next, in which workspace, and whether they press Allow or Cancel.</summary>
    public void ConsentAs(string teamId, string userId, bool allow = true) => consent = (teamId, userId, allow);

    /// <summary>Slack revokes a workspace's tokens (what precedes app_uninstalled / tokens_revoked).</summary>
    public void Revoke(string teamId) => Workspaces[teamId].Revoked = true;

    private IResult HandleAuthorize(HttpContext http)
    {
        var query = http.Request.Query;
        string? redirect = query["redirect_uri"];
        var scopes = ((string?)query["scope"] ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries);
        if ((string?)query["client_id"] != ClientId)
        {
            return Results.Text("invalid_client_id", statusCode: 400);
        }

        if (scopes.Length == 0 || scopes.Any(s => !Scopes.Contains(s)) || !Uri.TryCreate(redirect, UriKind.Absolute, out var callback))
        {
            return Results.Text(scopes.Length == 0 ? "invalid_scope" : "bad_redirect_uri", statusCode: 400);
        }

        var state = Uri.EscapeDataString((string?)query["state"] ?? string.Empty);
        var (teamId, userId, allow) = consent;
        if (!allow)
        {
            return Results.Redirect($"{callback}?error=access_denied&state={state}");
        }

        var code = $"{teamId}.{RandomNumberGenerator.GetHexString(24, lowercase: true)}";
        codes[code] = new PendingCode(teamId, userId, redirect!, string.Join(',', scopes), Time.GetUtcNow() + TimeSpan.FromMinutes(10));
        return Results.Redirect($"{callback}?code={Uri.EscapeDataString(code)}&state={state}");
    }

    private JsonObject OAuthAccess(JsonObject args)
    {
        if (Str(args, "client_id") != ClientId)
        {
            return Error("invalid_client_id");
        }

        if (Str(args, "client_secret") != ClientSecret)
        {
            return Error("bad_client_secret");
        }

        return Str(args, "grant_type") switch
        {
            null or "authorization_code" => ExchangeCode(args),
            "refresh_token" => Refresh(Str(args, "refresh_token")),
            _ => Error("invalid_grant_type"),
        };
    }

    private JsonObject ExchangeCode(JsonObject args)
    {
        if (Str(args, "code") is not { } code || !codes.TryRemove(code, out var pending) || Time.GetUtcNow() > pending.ExpiresAt)
        {
            return Error("invalid_code");
        }

        if (Str(args, "redirect_uri") != pending.RedirectUri)
        {
            return Error("bad_redirect_uri");
        }

        var workspace = Workspaces[pending.TeamId];
        workspace.Revoked = false;
        var answer = Issue(workspace);
        answer["scope"] = pending.Scopes;
        answer["authed_user"] = new JsonObject { ["id"] = pending.UserId };
        return answer;
    }

    private JsonObject Refresh(string? refreshToken)
    {
        var workspace = Workspaces.Values.FirstOrDefault(w => refreshToken is not null && w.RefreshToken == refreshToken && !w.Revoked);
        if (workspace is null)
        {
            return Error("invalid_refresh_token");
        }

        var answer = Issue(workspace);
        answer["scope"] = string.Join(',', Scopes);
        return answer;
    }

    private JsonObject Issue(SimulatedWorkspace workspace)
    {
        if (workspace.BotToken is { } old)
        {
            tokenOwners.TryRemove(old, out _);
        }

        workspace.BotToken = (TokenRotation ? "xoxe.xoxb-1-" : "xoxb-") + workspace.TeamId + "-" + RandomNumberGenerator.GetHexString(16, lowercase: true);
        tokenOwners[workspace.BotToken] = workspace;
        var answer = Ok(new()
        {
            ["access_token"] = workspace.BotToken,
            ["token_type"] = "bot",
            ["bot_user_id"] = workspace.BotUserId,
            ["app_id"] = "A0SIM",
            ["team"] = new JsonObject { ["id"] = workspace.TeamId, ["name"] = workspace.Name },
            ["enterprise"] = workspace.EnterpriseId is null ? null : new JsonObject { ["id"] = workspace.EnterpriseId },
            ["is_enterprise_install"] = false,
        });
        if (TokenRotation)
        {
            workspace.RefreshToken = "xoxe-1-" + RandomNumberGenerator.GetHexString(24, lowercase: true);
            workspace.TokenExpiresAt = Time.GetUtcNow() + TokenLifetime;
            answer["refresh_token"] = workspace.RefreshToken;
            answer["expires_in"] = (long)TokenLifetime.TotalSeconds;
        }

        return answer;
    }

    /// <summary>The installed workspace a bot token belongs to, or null; sets the error a call with it gets.</summary>
    private SimulatedWorkspace? WorkspaceOf(string token, out string? error)
    {
        error = null;
        if (!tokenOwners.TryGetValue(token, out var workspace))
        {
            return null;
        }

        if (workspace.Revoked)
        {
            error = "token_revoked";
        }
        else if (workspace.TokenExpiresAt is { } expires && Time.GetUtcNow() >= expires)
        {
            error = "token_expired";
        }

        return workspace;
    }

    private sealed record PendingCode(string TeamId, string UserId, string RedirectUri, string Scopes, DateTimeOffset ExpiresAt);
}
