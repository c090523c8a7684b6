using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Reach.Rosters;
using CoalitionBot.Teams.Connector;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Teams.Rosters;

/// <summary>
/// Reads the rosters of the teams and group chats the bot is in (pagedmembers, page by page) into the store: when a
/// membership event asks for it (in the background), and before a search by e-mail for each roster that changed or is
/// older than Teams:RosterMaxAge. One read per roster at a time; a read that failed is not tried again for a minute.
/// Without a store (adapter tests) it does nothing.
/// </summary>
internal sealed partial class TeamsRosters(
    BotConnectorClient connector,
    IOptions<TeamsOptions> options,
    TimeProvider clock,
    ILogger<TeamsRosters> logger,
    IRosterStore? store = null)
{
    private const int MaxPages = 1000;
    private static readonly TimeSpan AfterFailure = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> reading = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> failedAt = new(StringComparer.Ordinal);
    private readonly Channel<string> requests = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    public IRosterStore? Store => store;

    /// <summary>Asks the background worker to read this roster soon.</summary>
    public void RequestRead(string placeId) => requests.Writer.TryWrite(placeId);

    public IAsyncEnumerable<string> RequestedAsync(CancellationToken ct) => requests.Reader.ReadAllAsync(ct);

    /// <summary>Reads every roster that is due, one after another; returns when they are current (or failed).</summary>
    public async Task EnsureFreshAsync(CancellationToken ct)
    {
        if (store is null)
        {
            return;
        }

        foreach (var state in await store.ActivePlacesAsync(Platform.Teams, ct).ConfigureAwait(false))
        {
            if (Due(state))
            {
                await ReadAsync(state.Place.PlaceId, ct).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Reads one roster if it is (still) due once this caller's turn comes.</summary>
    public async Task ReadAsync(string placeId, CancellationToken ct)
    {
        if (store is null)
        {
            return;
        }

        var gate = reading.GetOrAdd(placeId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            for (var attempt = 0; attempt < 3; attempt++)
            {
                var state = (await store.ActivePlacesAsync(Platform.Teams, ct).ConfigureAwait(false)).FirstOrDefault(p => p.Place.PlaceId == placeId);
                if (state is null || !Due(state) || (failedAt.TryGetValue(placeId, out var failed) && clock.GetUtcNow() - failed < AfterFailure))
                {
                    return;
                }

                var members = await ReadMembersAsync(state.Place, ct).ConfigureAwait(false);
                if (members is null)
                {
                    return;
                }

                // False: membership changed while we read; read again so the change is not lost.
                if (await store.ReplaceMembersAsync(Platform.Teams, placeId, members, state.Change, clock.GetUtcNow(), ct).ConfigureAwait(false))
                {
                    failedAt.TryRemove(placeId, out _);
                    LogRead(logger, placeId, members.Count);
                    return;
                }
            }
        }
        finally
        {
            gate.Release();
        }
    }

    private bool Due(RosterPlaceState state) => state.Changed || clock.GetUtcNow() - state.ReadAt >= options.Value.RosterMaxAge;

    private async Task<List<RosterMember>?> ReadMembersAsync(RosterPlace place, CancellationToken ct)
    {
        var members = new List<RosterMember>();
        string? token = null;
        for (var page = 0; page < MaxPages; page++)
        {
            var (result, list, next) = await connector.GetPagedMembersAsync(place.ServiceUrl, place.PlaceId, token, ct).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                await FailedAsync(place, result, ct).ConfigureAwait(false);
                return null;
            }

            members.AddRange(list.Select(m => Member(m, place.TenantId)).OfType<RosterMember>());
            if ((token = next) is null)
            {
                return members;
            }
        }

        return members;
    }

    private async Task FailedAsync(RosterPlace place, ConnectorResult result, CancellationToken ct)
    {
        LogReadFailed(logger, place.PlaceId, result.Status, result.ErrorCode ?? "-");
        if (result.Status is 403 or 404)
        {
            // Teams no longer lets the bot see this team: it was removed (and the event never reached us) or the team is gone.
            await store!.DeactivateAsync(Platform.Teams, place.PlaceId, ct).ConfigureAwait(false);
            return;
        }

        failedAt[place.PlaceId] = clock.GetUtcNow();
    }

    private static RosterMember? Member(JsonElement member, string tenant)
    {
        if (member.ValueKind != JsonValueKind.Object || Read(member, "id") is not { } id)
        {
            return null;
        }

        return new RosterMember(
            id,
            Read(member, "aadObjectId") ?? id,
            Read(member, "tenantId") ?? tenant,
            Read(member, "name"),
            Read(member, "email"),
            Read(member, "userPrincipalName"),
            Read(member, "userRole"));
    }

    private static string? Read(JsonElement member, string name) =>
        member.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;

    [LoggerMessage(EventId = LogEvents.RosterRead, Level = LogLevel.Information, Message = "Read the roster of Teams place {PlaceId}: {Count} members")]
    private static partial void LogRead(ILogger logger, string placeId, int count);

    [LoggerMessage(EventId = LogEvents.RosterReadRefused, Level = LogLevel.Warning, Message = "Reading the roster of Teams place {PlaceId} failed with {Status} ({Code})")]
    private static partial void LogReadFailed(ILogger logger, string placeId, int status, string code);
}
