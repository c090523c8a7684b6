using System.Text.Json;
using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Data;
using CoalitionBot.Core.Domain;

namespace CoalitionBot.Core.Routing;

/// <summary>
/// Everything a handler needs for one inbound item: who is asking (if known), their coalition, the store,
/// the clock, and helpers to audit and save. Saving also records the inbound key, in the same transaction,
/// so a retried item never takes effect twice.
/// </summary>
public sealed class RequestContext(Inbound inbound, IDataSession data, TimeProvider clock, Contact? me, Coalition? coalition, Route? route = null)
{
    private bool _inboundRecorded;
    private Coalition? _coalition = coalition;

    public Inbound Inbound { get; } = inbound;

    public IDataSession Data { get; } = data;

    public TimeProvider Clock { get; } = clock;

    public DateTimeOffset Now => Clock.GetUtcNow();

    /// <summary>The contact behind the actor, or null for a person the bot does not know.</summary>
    public Contact? Me { get; set; } = me;

    /// <summary>The coalition this request is for; setting it (a new coalition by `setup`) moves the data scope with it.</summary>
    public Coalition? Coalition
    {
        get => _coalition;
        set
        {
            _coalition = value;
            if (value is not null)
            {
                Scope.Enter(value.Id);
            }
        }
    }

    /// <summary>The scope every query of this request is filtered by (unscoped for a request the bot makes of itself).</summary>
    public CoalitionScope Scope { get; init; } = new();

    /// <summary>Every coalition the person is a contact of (several: they pick one with `coalition use`).</summary>
    public IReadOnlyList<Coalition> Memberships { get; init; } = [];

    /// <summary>The person's contact in each of <see cref="Memberships"/>.</summary>
    public IReadOnlyList<Contact> MyContacts { get; init; } = [];

    /// <summary>What the person is told when no coalition could be chosen for them.</summary>
    public string NoCoalition { get; init; } = CoalitionChoice.NoneYet;

    public Contact MeOrThrow => Me ?? throw new RefusalException(Coalition is null && Memberships.Count > 1 ? NoCoalition : CoalitionChoice.Stranger);

    public Coalition CoalitionOrThrow => Coalition ?? throw new RefusalException(NoCoalition);

    public bool IsCoordinator => Me is { IsCoordinator: true };

    /// <summary>The route being handled (null for a request the bot makes of itself or before routing).</summary>
    public Route? Route { get; } = route;

    /// <summary>The typed command; for a subcommand route its rest is what follows the subcommand.</summary>
    public CommandLine Command => CommandLine.Parse((Inbound.Content as CommandText)?.Text).For(Route);

    public ButtonAction? Action => Inbound.Content as ButtonAction;

    public FormSubmission? Submission => Inbound.Content as FormSubmission;

    public string InboundKey => $"{Inbound.Place.Platform}:{Inbound.DeliveryId}";

    /// <summary>Appends an audit event; it is saved with the change it describes.</summary>
    public void Audit(string action, string subject, Guid? memoId, object? before = null, object? after = null)
    {
        Data.Add(new AuditEvent
        {
            CoalitionId = CoalitionOrThrow.Id,
            MemoId = memoId,
            ActorId = Me?.Id,
            Action = action,
            Subject = subject,
            Before = before is null ? null : JsonSerializer.Serialize(before),
            After = after is null ? null : JsonSerializer.Serialize(after),
            At = Now,
            Via = Inbound.Origin?.Via ?? AuditVia.Of(Inbound),
            IpAddress = Inbound.Origin?.IpAddress,
            UserAgent = Inbound.Origin?.UserAgent,
        });
    }

    /// <summary>
    /// Saves every change of this request with the inbound key. A conflict on the inbound key means another
    /// request handled the same item first (<see cref="DuplicateInboundException"/>); any other unique conflict
    /// is thrown for the handler to retry after <see cref="IDataSession.Reset"/>.
    /// </summary>
    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        if (!_inboundRecorded)
        {
            Data.Add(new ProcessedInbound { Key = InboundKey, At = Now });
        }

        try
        {
            await Data.SaveChangesAsync(cancellationToken);
            _inboundRecorded = true;
        }
        catch (UniqueConflictException e) when (!_inboundRecorded && e.Table == nameof(ProcessedInbound))
        {
            Data.Reset();
            throw new DuplicateInboundException(e);
        }
        catch (UniqueConflictException)
        {
            Data.Reset();
            throw;
        }
    }

    public Task SaveIfPendingAsync(CancellationToken cancellationToken) =>
        _inboundRecorded ? Task.CompletedTask : SaveAsync(cancellationToken);
}
