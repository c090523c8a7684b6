using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Reach.Rosters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoalitionBot.Storage.Rosters;

/// <summary>
/// Rosters in the database; each call uses a short-lived context of its own. <see cref="RosterPlaceEntry.Change"/> is a
/// concurrency token, so a roster read never overwrites a membership change made while it was reading.
/// </summary>
internal sealed class EfRosterStore(IServiceScopeFactory scopes, TimeProvider clock) : IRosterStore
{
    public async Task AddPlaceAsync(RosterPlace place, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CoalitionDbContext>();
            var entry = await db.RosterPlaces.FirstOrDefaultAsync(p => p.Platform == place.Platform && p.PlaceId == place.PlaceId, cancellationToken);
            if (entry is null)
            {
                entry = new RosterPlaceEntry { Platform = place.Platform, PlaceId = place.PlaceId, TenantId = place.TenantId, ServiceUrl = place.ServiceUrl, BotId = place.BotId, AddedAt = clock.GetUtcNow() };
                db.RosterPlaces.Add(entry);
            }
            else if (!entry.Active)
            {
                entry.AddedAt = clock.GetUtcNow();
                entry.RemovedAt = null;
            }

            entry.TenantId = place.TenantId;
            entry.Kind = place.Kind;
            entry.ServiceUrl = place.ServiceUrl;
            entry.BotId = place.BotId;
            entry.Name = place.Name ?? entry.Name;
            entry.Active = true;
            entry.Change++;
            if (await TrySaveAsync(db, cancellationToken))
            {
                return;
            }

            if (attempt == 3)
            {
                throw new DbUpdateConcurrencyException($"The roster of {place.PlaceId} kept changing while it was written.");
            }
        }
    }

    public Task DeactivateAsync(Platform platform, string placeId, CancellationToken cancellationToken) =>
        ChangeAsync(platform, placeId, async (db, entry) =>
        {
            entry.Active = false;
            entry.RemovedAt = clock.GetUtcNow();
            entry.ReadAt = null;
            db.RosterMembers.RemoveRange(await db.RosterMembers.Where(m => m.PlaceEntryId == entry.Id).ToListAsync(cancellationToken));
        }, cancellationToken);

    public Task RemoveMembersAsync(Platform platform, string placeId, IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        ChangeAsync(platform, placeId, async (db, entry) =>
            db.RosterMembers.RemoveRange(await db.RosterMembers.Where(m => m.PlaceEntryId == entry.Id && (ids.Contains(m.MemberId) || ids.Contains(m.UserId))).ToListAsync(cancellationToken)), cancellationToken);

    public Task MarkChangedAsync(Platform platform, string placeId, CancellationToken cancellationToken) =>
        ChangeAsync(platform, placeId, (_, _) => Task.CompletedTask, cancellationToken);

    public async Task<IReadOnlyList<RosterPlaceState>> ActivePlacesAsync(Platform platform, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoalitionDbContext>();
        var entries = await db.RosterPlaces.AsNoTracking().Where(p => p.Platform == platform && p.Active).ToListAsync(cancellationToken);
        return entries.Select(e => new RosterPlaceState(Place(e), e.ReadAt, e.Change, e.ReadChange)).ToList();
    }

    public async Task<bool> ReplaceMembersAsync(Platform platform, string placeId, IReadOnlyList<RosterMember> members, long basedOnChange, DateTimeOffset readAt, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoalitionDbContext>();
        var entry = await db.RosterPlaces.FirstOrDefaultAsync(p => p.Platform == platform && p.PlaceId == placeId && p.Active, cancellationToken);
        if (entry is null || entry.Change != basedOnChange)
        {
            return false;
        }

        var existing = await db.RosterMembers.Where(m => m.PlaceEntryId == entry.Id).ToDictionaryAsync(m => m.MemberId, StringComparer.Ordinal, cancellationToken);
        var fresh = members.DistinctBy(m => m.MemberId, StringComparer.Ordinal).ToDictionary(m => m.MemberId, StringComparer.Ordinal);
        db.RosterMembers.RemoveRange(existing.Values.Where(m => !fresh.ContainsKey(m.MemberId)));
        foreach (var member in fresh.Values)
        {
            if (!existing.TryGetValue(member.MemberId, out var row))
            {
                row = new RosterMemberEntry { PlaceEntryId = entry.Id, MemberId = member.MemberId, UserId = member.UserId, TenantId = member.TenantId };
                db.RosterMembers.Add(row);
            }

            row.UserId = member.UserId;
            row.TenantId = member.TenantId;
            row.Name = member.Name;
            row.Email = Normalise(member.Email);
            row.UserPrincipalName = Normalise(member.UserPrincipalName);
            row.Role = member.Role;
        }

        entry.ReadAt = readAt;
        entry.ReadChange = basedOnChange;
        return await TrySaveAsync(db, cancellationToken);
    }

    public async Task<RosterMatch?> FindByEmailAsync(Platform platform, string email, CancellationToken cancellationToken)
    {
        var key = Normalise(email);
        if (key is null)
        {
            return null;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoalitionDbContext>();
        var found = await (
                from m in db.RosterMembers.AsNoTracking()
                join p in db.RosterPlaces.AsNoTracking() on m.PlaceEntryId equals p.Id
                where p.Platform == platform && p.Active && (m.Email == key || m.UserPrincipalName == key)
                select new { Member = m, Place = p })
            .ToListAsync(cancellationToken);
        var best = found.OrderByDescending(f => f.Place.ReadAt).ThenBy(f => f.Place.PlaceId, StringComparer.Ordinal).FirstOrDefault();
        return best is null
            ? null
            : new RosterMatch(Place(best.Place), new RosterMember(best.Member.MemberId, best.Member.UserId, best.Member.TenantId, best.Member.Name, best.Member.Email, best.Member.UserPrincipalName, best.Member.Role));
    }

    private async Task ChangeAsync(Platform platform, string placeId, Func<CoalitionDbContext, RosterPlaceEntry, Task> change, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CoalitionDbContext>();
            var entry = await db.RosterPlaces.FirstOrDefaultAsync(p => p.Platform == platform && p.PlaceId == placeId, cancellationToken);
            if (entry is null)
            {
                return;
            }

            await change(db, entry);
            entry.Change++;
            if (await TrySaveAsync(db, cancellationToken))
            {
                return;
            }

            if (attempt == 3)
            {
                throw new DbUpdateConcurrencyException($"The roster of {placeId} kept changing while it was written.");
            }
        }
    }

    /// <summary>False when another writer got there first (a concurrent change, a concurrent first insert): read again and retry.</summary>
    private static async Task<bool> TrySaveAsync(CoalitionDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || UniqueViolations.TableOf(e) is not null)
        {
            return false;
        }
    }

    private static RosterPlace Place(RosterPlaceEntry e) => new(e.Platform, e.PlaceId, e.TenantId, e.Kind, e.ServiceUrl, e.BotId, e.Name);

    private static string? Normalise(string? email) =>
        string.IsNullOrWhiteSpace(email) ? null : email.Trim().ToLowerInvariant();
}
