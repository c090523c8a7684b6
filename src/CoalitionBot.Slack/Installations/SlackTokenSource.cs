using System.Collections.Concurrent;
using CoalitionBot.Slack.Api;
using CoalitionBot.Storage.Installations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Slack.Installations;

/// <summary>
/// The bot token for the current Slack work: Slack:BotToken in the single-workspace configuration; when distributed,
/// the installation of the team in <see cref="SlackTeamScope"/> (decrypted, cached, refreshed before it expires
/// when token rotation is on). A team without an active installation gets <c>not_installed</c>.
/// </summary>
public sealed class SlackTokenSource
{
    private readonly IOptionsMonitor<SlackOptions> options;
    private readonly IServiceScopeFactory scopes;
    private readonly SlackTokenProtector protector;
    private readonly SlackOAuthClient oauth;
    private readonly TimeProvider clock;
    private readonly ConcurrentDictionary<string, Cached> cache = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim refreshing = new(1, 1);

    internal SlackTokenSource(IOptionsMonitor<SlackOptions> options, IServiceScopeFactory scopes, SlackTokenProtector protector, SlackOAuthClient oauth, TimeProvider clock)
    {
        this.options = options;
        this.scopes = scopes;
        this.protector = protector;
        this.oauth = oauth;
        this.clock = clock;
    }

    /// <summary>The token for the team in scope (or the configured one).</summary>
    public async ValueTask<string> GetAsync(CancellationToken cancellationToken)
    {
        var current = options.CurrentValue;
        if (!current.Distributed)
        {
            return current.BotToken ?? throw new InvalidOperationException("Slack:BotToken is not configured.");
        }

        var team = SlackTeamScope.TeamId ?? throw new SlackApiException("auth", "not_installed");
        if (cache.TryGetValue(team, out var cached) && !Due(cached))
        {
            return cached.Token;
        }

        await refreshing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await LoadAsync(team, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            refreshing.Release();
        }
    }

    /// <summary>Drops a team's cached token (uninstalled, revoked, re-installed).</summary>
    internal void Forget(string teamId) => cache.TryRemove(teamId, out _);

    private async Task<string> LoadAsync(string team, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<SlackInstallationStore>();
        var installation = await store.FindActiveAsync(team, cancellationToken).ConfigureAwait(false)
            ?? throw new SlackApiException("auth", "not_installed");
        var entry = new Cached(protector.Unprotect(installation.ProtectedBotToken), installation.TokenExpiresAt);
        if (Due(entry) && installation.ProtectedRefreshToken is { } refresh)
        {
            entry = await RefreshAsync(store, installation, refresh, cancellationToken).ConfigureAwait(false);
        }

        cache[team] = entry;
        return entry.Token;
    }

    /// <summary>
    /// Refreshes under the installation's lease, so two instances never spend one refresh token (Slack answers the second
    /// with invalid_refresh_token, and the first's new token replaces the old at once). An instance that finds the lease
    /// taken reads the row again: the new token when the other has stored it, else "try again shortly" (transient).
    /// </summary>
    private async Task<Cached> RefreshAsync(SlackInstallationStore store, SlackInstallation installation, string refresh, CancellationToken cancellationToken)
    {
        var team = installation.TeamId;
        var now = clock.GetUtcNow();
        if (!await store.TryLeaseRefreshAsync(team, now, now + RefreshLease, cancellationToken).ConfigureAwait(false))
        {
            var again = await store.FindActiveAsync(team, cancellationToken).ConfigureAwait(false) ?? throw new SlackApiException("auth", "not_installed");
            var stored = new Cached(protector.Unprotect(again.ProtectedBotToken), again.TokenExpiresAt);
            return Due(stored) ? throw new SlackTransientException("oauth.v2.access", "another instance is refreshing this workspace's token") : stored;
        }

        try
        {
            var grant = await oauth.RefreshAsync(protector.Unprotect(refresh), cancellationToken).ConfigureAwait(false);
            var expires = grant.ExpiresIn is { } lifetime ? clock.GetUtcNow() + lifetime : (DateTimeOffset?)null;
            await store.RotateAsync(
                team,
                protector.Protect(grant.AccessToken),
                grant.RefreshToken is null ? installation.ProtectedRefreshToken : protector.Protect(grant.RefreshToken),
                expires,
                CancellationToken.None).ConfigureAwait(false); // Slack has spent the old pair: store the new one whatever happens
            return new Cached(grant.AccessToken, expires);
        }
        catch
        {
            await store.ReleaseRefreshLeaseAsync(team, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>How long an instance may take to refresh before another may try (a crash mid-refresh blocks no one longer).</summary>
    internal static readonly TimeSpan RefreshLease = TimeSpan.FromSeconds(30);

    private bool Due(Cached entry) => entry.ExpiresAt is { } at && clock.GetUtcNow() >= at - options.CurrentValue.TokenRefreshMargin;

    private sealed record Cached(string Token, DateTimeOffset? ExpiresAt);
}
