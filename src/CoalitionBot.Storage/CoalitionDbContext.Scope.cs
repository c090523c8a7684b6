using CoalitionBot.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace CoalitionBot.Storage;

/// <summary>
/// One mechanism for isolation: every coalition-owned set carries a query filter on the current
/// <see cref="Core.Data.CoalitionScope"/>, so no query — a feature's, a dashboard page's, a download's, one written
/// tomorrow — sees another coalition's rows while a coalition is chosen. Rows that belong to a memo or a contact
/// follow their memo's or contact's coalition. Unscoped work (sweeps, the outbox) sees everything.
/// </summary>
public abstract partial class CoalitionDbContext
{
    /// <summary>The name of the filter, for a query that must see every coalition (none in the core: it lifts the scope instead).</summary>
    public const string CoalitionFilter = "Coalition";

    private void ScopeToCoalition(ModelBuilder model)
    {
        model.Entity<Coalition>().HasQueryFilter(CoalitionFilter, x => ScopedCoalition == null || x.Id == ScopedCoalition);
        model.Entity<Organisation>().HasQueryFilter(CoalitionFilter, x => ScopedCoalition == null || x.CoalitionId == ScopedCoalition);
        model.Entity<Contact>().HasQueryFilter(CoalitionFilter, x => ScopedCoalition == null || x.CoalitionId == ScopedCoalition);
        model.Entity<Memo>().HasQueryFilter(CoalitionFilter, x => ScopedCoalition == null || x.CoalitionId == ScopedCoalition);
        model.Entity<AuditEvent>().HasQueryFilter(CoalitionFilter, x => ScopedCoalition == null || x.CoalitionId == ScopedCoalition);
        model.Entity<Delivery>().HasQueryFilter(CoalitionFilter, x => ScopedCoalition == null || x.CoalitionId == ScopedCoalition);
        model.Entity<PersonalLink>().HasQueryFilter(CoalitionFilter, x => ScopedCoalition == null || x.CoalitionId == ScopedCoalition);
        model.Entity<CoalitionLink>().HasQueryFilter(CoalitionFilter, x => ScopedCoalition == null || x.CoalitionId == ScopedCoalition);
        model.Entity<JoinRequest>().HasQueryFilter(CoalitionFilter, x => ScopedCoalition == null || x.CoalitionId == ScopedCoalition);

        model.Entity<MemoVersion>().HasQueryFilter(CoalitionFilter, x => ScopedCoalition == null || Set<Memo>().Any(m => m.Id == x.MemoId && m.CoalitionId == ScopedCoalition));
        model.Entity<SignOn>().HasQueryFilter(CoalitionFilter, x => ScopedCoalition == null || Set<Memo>().Any(m => m.Id == x.MemoId && m.CoalitionId == ScopedCoalition));
        model.Entity<Comment>().HasQueryFilter(CoalitionFilter, x => ScopedCoalition == null || Set<Memo>().Any(m => m.Id == x.MemoId && m.CoalitionId == ScopedCoalition));
        model.Entity<ReminderSnooze>().HasQueryFilter(CoalitionFilter, x => ScopedCoalition == null || Set<Memo>().Any(m => m.Id == x.MemoId && m.CoalitionId == ScopedCoalition));

        model.Entity<ContactIdentity>().HasQueryFilter(CoalitionFilter, x => ScopedCoalition == null || Set<Contact>().Any(c => c.Id == x.ContactId && c.CoalitionId == ScopedCoalition));
        model.Entity<Core.Dashboard.DashboardLink>().HasQueryFilter(CoalitionFilter, x => ScopedCoalition == null || Set<Contact>().Any(c => c.Id == x.ContactId && c.CoalitionId == ScopedCoalition));
        model.Entity<Core.Dashboard.DashboardSession>().HasQueryFilter(CoalitionFilter, x => ScopedCoalition == null || Set<Contact>().Any(c => c.Id == x.ContactId && c.CoalitionId == ScopedCoalition));
    }
}
