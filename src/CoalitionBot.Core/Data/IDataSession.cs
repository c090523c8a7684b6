using CoalitionBot.Core.Dashboard;
using CoalitionBot.Core.Domain;

namespace CoalitionBot.Core.Data;

/// <summary>
/// The core's view of the store: queryable sets, change tracking and one atomic save. Implemented with
/// EF Core in CoalitionBot.Storage; the core never sees EF. Queries must be translatable to SQL.
/// </summary>
public interface IDataSession
{
    IQueryable<Coalition> Coalitions { get; }

    IQueryable<Organisation> Organisations { get; }

    IQueryable<Contact> Contacts { get; }

    IQueryable<ContactIdentity> Identities { get; }

    IQueryable<Memo> Memos { get; }

    IQueryable<MemoVersion> Versions { get; }

    IQueryable<SignOn> SignOns { get; }

    IQueryable<Comment> Comments { get; }

    IQueryable<AuditEvent> AuditEvents { get; }

    IQueryable<Delivery> Deliveries { get; }

    IQueryable<ProcessedInbound> ProcessedInbound { get; }

    IQueryable<ReminderSnooze> Snoozes { get; }

    IQueryable<PersonalLink> PersonalLinks { get; }

    /// <summary>Entities of this type added in this unit of work and not saved yet (queries do not see them).</summary>
    IReadOnlyList<T> Added<T>()
        where T : class;

    IQueryable<DashboardLink> DashboardLinks { get; }

    IQueryable<DashboardSession> DashboardSessions { get; }

    IQueryable<CoalitionLink> CoalitionLinks { get; }

    IQueryable<JoinRequest> JoinRequests { get; }

    void Add<T>(T entity)
        where T : class;

    void Remove<T>(T entity)
        where T : class;

    Task<List<T>> ListAsync<T>(IQueryable<T> query, CancellationToken cancellationToken);

    Task<T?> FirstOrDefaultAsync<T>(IQueryable<T> query, CancellationToken cancellationToken);

    Task<int> CountAsync<T>(IQueryable<T> query, CancellationToken cancellationToken);

    /// <summary>Saves every tracked change in one transaction. Throws <see cref="UniqueConflictException"/> when a unique key is taken.</summary>
    Task SaveChangesAsync(CancellationToken cancellationToken);

    /// <summary>Forgets every tracked entity and pending change (after a conflict, before trying again).</summary>
    void Reset();
}
