using CoalitionBot.Core.Data;
using CoalitionBot.Core.Domain;

namespace CoalitionBot.Core.Dashboard;

/// <summary>
/// Links to sessions and sessions to coordinators. Every check reads the store, so an expired link, a used
/// link, an ended session or a coordinator taken off the list is refused at once.
/// </summary>
public sealed class DashboardSignIn(IDataSession data, TimeProvider clock, CoalitionScope scope)
{
    public async Task<LinkCheck> CheckAsync(string? token, CancellationToken ct)
    {
        var (state, link, contact) = await FindAsync(token, ct);
        return new LinkCheck(state, state == LinkState.Usable ? contact!.Name : null);
    }

    /// <summary>Turns a usable link into a session. Two redemptions of one link race on the session's unique link id; one wins.</summary>
    public async Task<SignInResult> RedeemAsync(string? token, CancellationToken ct)
    {
        var (state, link, _) = await FindAsync(token, ct);
        if (state != LinkState.Usable)
        {
            return new SignInResult(state);
        }

        var sessionToken = DashboardTokens.New();
        var now = clock.GetUtcNow();
        var session = new DashboardSession
        {
            TokenHash = DashboardTokens.Hash(sessionToken),
            LinkId = link!.Id,
            ContactId = link.ContactId,
            Platform = link.Platform,
            TenantId = link.TenantId,
            UserId = link.UserId,
            CreatedAt = now,
            ExpiresAt = now + DashboardTokens.SessionLifetime,
        };
        data.Add(session);
        try
        {
            await data.SaveChangesAsync(ct);
        }
        catch (UniqueConflictException)
        {
            data.Reset();
            return new SignInResult(LinkState.Used);
        }

        return new SignInResult(LinkState.Usable, sessionToken, session.ExpiresAt);
    }

    /// <summary>The coordinator behind a session token, or null when the session is unknown, ended, expired, or its person is no longer a coordinator.</summary>
    public async Task<DashboardUser?> AuthenticateAsync(string? sessionToken, CancellationToken ct)
    {
        if (!DashboardTokens.LooksValid(sessionToken))
        {
            return null;
        }

        var hash = DashboardTokens.Hash(sessionToken!);
        var session = await data.FirstOrDefaultAsync(data.DashboardSessions.Where(s => s.TokenHash == hash), ct);
        if (session is null || session.EndedAt is not null || clock.GetUtcNow() >= session.ExpiresAt)
        {
            return null;
        }

        var contact = await data.FirstOrDefaultAsync(data.Contacts.Where(c => c.Id == session.ContactId), ct);
        if (contact is not { IsCoordinator: true })
        {
            return null;
        }

        scope.Enter(contact.CoalitionId); // every page, action and stream of this request reads this coalition only
        return new DashboardUser(session.Id, contact.Id, contact.Name, contact.CoalitionId, session.Identity, session.ExpiresAt);
    }

    public async Task SignOutAsync(Guid sessionId, CancellationToken ct)
    {
        var session = await data.FirstOrDefaultAsync(data.DashboardSessions.Where(s => s.Id == sessionId), ct);
        if (session is { EndedAt: null })
        {
            session.EndedAt = clock.GetUtcNow();
            await data.SaveChangesAsync(ct);
        }
    }

    private async Task<(LinkState State, DashboardLink? Link, Contact? Contact)> FindAsync(string? token, CancellationToken ct)
    {
        if (!DashboardTokens.LooksValid(token))
        {
            return (LinkState.Unknown, null, null);
        }

        var hash = DashboardTokens.Hash(token!);
        var link = await data.FirstOrDefaultAsync(data.DashboardLinks.Where(l => l.TokenHash == hash), ct);
        if (link is null)
        {
            return (LinkState.Unknown, null, null);
        }

        if (await data.CountAsync(data.DashboardSessions.Where(s => s.LinkId == link.Id), ct) > 0)
        {
            return (LinkState.Used, link, null);
        }

        if (clock.GetUtcNow() >= link.ExpiresAt)
        {
            return (LinkState.Expired, link, null);
        }

        var contact = await data.FirstOrDefaultAsync(data.Contacts.Where(c => c.Id == link.ContactId), ct);
        return contact is { IsCoordinator: true } ? (LinkState.Usable, link, contact) : (LinkState.NotCoordinator, link, null);
    }
}
