using Microsoft.EntityFrameworkCore;

namespace CoalitionBot.Storage.Installations;

/// <summary>Stores and finds Slack installations and spends OAuth states. Scoped: it uses the request's context.</summary>
public sealed class SlackInstallationStore(CoalitionDbContext db)
{
    /// <summary>The active installation of a team, or null (never installed, uninstalled or revoked).</summary>
    public Task<SlackInstallation?> FindActiveAsync(string teamId, CancellationToken cancellationToken) =>
        db.SlackInstallations.AsNoTracking().FirstOrDefaultAsync(i => i.TeamId == teamId && i.DeactivatedAt == null, cancellationToken);

    /// <summary>The teams with an active installation, oldest install first.</summary>
    public Task<List<string>> ActiveTeamsAsync(CancellationToken cancellationToken) =>
        db.SlackInstallations.AsNoTracking().Where(i => i.DeactivatedAt == null).OrderBy(i => i.Id).Select(i => i.TeamId).ToListAsync(cancellationToken);

    /// <summary>Installs or re-installs a team: one row per team, replaced by the latest install.</summary>
    public async Task SaveAsync(SlackInstallation installation, CancellationToken cancellationToken)
    {
        var existing = await db.SlackInstallations.FirstOrDefaultAsync(i => i.TeamId == installation.TeamId, cancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            db.SlackInstallations.Add(installation);
        }
        else
        {
            installation.Id = existing.Id;
            db.Entry(existing).CurrentValues.SetValues(installation);
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Replaces a rotated token pair and gives up the refresh lease.</summary>
    public Task RotateAsync(string teamId, string protectedBotToken, string? protectedRefreshToken, DateTimeOffset? expiresAt, CancellationToken cancellationToken) =>
        db.SlackInstallations.Where(i => i.TeamId == teamId && i.DeactivatedAt == null).ExecuteUpdateAsync(
            s => s.SetProperty(i => i.ProtectedBotToken, protectedBotToken)
                .SetProperty(i => i.ProtectedRefreshToken, protectedRefreshToken)
                .SetProperty(i => i.TokenExpiresAt, expiresAt)
                .SetProperty(i => i.RefreshLeaseUntil, (DateTimeOffset?)null),
            cancellationToken);

    /// <summary>
    /// Takes the right to refresh a team's token until <paramref name="until"/>, unless another instance holds it: one
    /// conditional update, so of two instances racing exactly one gets it (the database decides, not a read).
    /// </summary>
    public async Task<bool> TryLeaseRefreshAsync(string teamId, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken) =>
        await db.SlackInstallations.Where(i => i.TeamId == teamId && i.DeactivatedAt == null && (i.RefreshLeaseUntil == null || i.RefreshLeaseUntil <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.RefreshLeaseUntil, until), cancellationToken).ConfigureAwait(false) == 1;

    /// <summary>Gives the refresh lease up without a new token (the refresh failed).</summary>
    public Task ReleaseRefreshLeaseAsync(string teamId, CancellationToken cancellationToken) =>
        db.SlackInstallations.Where(i => i.TeamId == teamId).ExecuteUpdateAsync(s => s.SetProperty(i => i.RefreshLeaseUntil, (DateTimeOffset?)null), cancellationToken);

    /// <summary>app_uninstalled / tokens_revoked: the team's tokens are gone; forget them.</summary>
    public Task<int> DeactivateAsync(string teamId, DateTimeOffset at, CancellationToken cancellationToken) =>
        db.SlackInstallations.Where(i => i.TeamId == teamId && i.DeactivatedAt == null).ExecuteUpdateAsync(
            s => s.SetProperty(i => i.DeactivatedAt, at)
                .SetProperty(i => i.ProtectedBotToken, string.Empty)
                .SetProperty(i => i.ProtectedRefreshToken, (string?)null),
            cancellationToken);

    /// <summary>Spends an OAuth state nonce; false when it was already spent (the primary key decides, not a read).</summary>
    public async Task<bool> SpendStateAsync(string nonce, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var use = new OAuthStateUse { Nonce = nonce, UsedAt = at };
        db.OAuthStateUses.Add(use);
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DbUpdateException e) when (UniqueViolations.TableOf(e) is not null)
        {
            db.Entry(use).State = EntityState.Detached;
            return false;
        }
    }
}
