using CoalitionBot.Core.Data;
using CoalitionBot.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace CoalitionBot.Storage;

/// <summary>The core's <see cref="IDataSession"/> over EF Core; translates unique-key violations for the core.</summary>
internal sealed class EfDataSession(CoalitionDbContext db) : IDataSession
{
    public IQueryable<Coalition> Coalitions => db.Coalitions;

    public IQueryable<Organisation> Organisations => db.Organisations;

    public IQueryable<Contact> Contacts => db.Contacts;

    public IQueryable<ContactIdentity> Identities => db.Identities;

    public IQueryable<Memo> Memos => db.Memos;

    public IQueryable<MemoVersion> Versions => db.Versions;

    public IQueryable<SignOn> SignOns => db.SignOns;

    public IQueryable<Comment> Comments => db.Comments;

    public IQueryable<AuditEvent> AuditEvents => db.AuditEvents;

    public IQueryable<Delivery> Deliveries => db.Deliveries;

    public IQueryable<ProcessedInbound> ProcessedInbound => db.ProcessedInbound;

    public IQueryable<ReminderSnooze> Snoozes => db.Snoozes;

    public IQueryable<PersonalLink> PersonalLinks => db.PersonalLinks;

    public IReadOnlyList<T> Added<T>()
        where T : class => db.ChangeTracker.Entries<T>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();

    public IQueryable<CoalitionBot.Core.Dashboard.DashboardLink> DashboardLinks => db.DashboardLinks;

    public IQueryable<CoalitionBot.Core.Dashboard.DashboardSession> DashboardSessions => db.DashboardSessions;

    public IQueryable<CoalitionLink> CoalitionLinks => db.CoalitionLinks;

    public IQueryable<JoinRequest> JoinRequests => db.JoinRequests;

    public void Add<T>(T entity)
        where T : class => db.Add(entity);

    public void Remove<T>(T entity)
        where T : class => db.Remove(entity);

    public Task<List<T>> ListAsync<T>(IQueryable<T> query, CancellationToken cancellationToken) => query.ToListAsync(cancellationToken);

    public Task<T?> FirstOrDefaultAsync<T>(IQueryable<T> query, CancellationToken cancellationToken) => query.FirstOrDefaultAsync(cancellationToken);

    public Task<int> CountAsync<T>(IQueryable<T> query, CancellationToken cancellationToken) => query.CountAsync(cancellationToken);

    public async Task SaveChangesAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (UniqueViolations.TableOf(e) is { } table)
        {
            throw new UniqueConflictException(table, e);
        }
    }

    public void Reset() => db.ChangeTracker.Clear();
}
