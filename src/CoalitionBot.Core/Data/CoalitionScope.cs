namespace CoalitionBot.Core.Data;

/// <summary>
/// The coalition the work of one DI scope is for. The store filters every coalition-owned set by it (memos,
/// organisations, contacts, sign-ons, comments, deliveries, links, audit events, dashboard sessions), so a query a
/// feature forgets to scope still sees only its own coalition. Unset (null) means every coalition: background work
/// (reminder and reach sweeps, the outbox) and the look-ups that decide the coalition run unscoped.
/// </summary>
public sealed class CoalitionScope
{
    /// <summary>Stands for "no coalition": an unknown or undecided person sees nothing.</summary>
    public static readonly Guid Nobody = Guid.Empty;

    public Guid? CoalitionId { get; private set; }

    /// <summary>Scopes every later query to <paramref name="coalitionId"/> (<see cref="Nobody"/> for none).</summary>
    public void Enter(Guid coalitionId) => CoalitionId = coalitionId;

    /// <summary>Lifts the scope until the result is disposed (deciding a coalition, checking names across coalitions).</summary>
    public IDisposable Everywhere()
    {
        var previous = CoalitionId;
        CoalitionId = null;
        return new Restore(this, previous);
    }

    private sealed class Restore(CoalitionScope scope, Guid? previous) : IDisposable
    {
        public void Dispose() => scope.CoalitionId = previous;
    }
}
