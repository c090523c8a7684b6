using CoalitionBot.Core.Conversation;

namespace CoalitionBot.Storage.Rosters;

/// <summary>A row per place the bot was ever added to (a Teams team or group chat); inactive once the bot left.</summary>
public sealed class RosterPlaceEntry
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Platform Platform { get; set; }

    public required string PlaceId { get; set; }

    public required string TenantId { get; set; }

    public PlaceKind Kind { get; set; }

    public required string ServiceUrl { get; set; }

    public required string BotId { get; set; }

    public string? Name { get; set; }

    public bool Active { get; set; }

    public DateTimeOffset AddedAt { get; set; }

    public DateTimeOffset? RemovedAt { get; set; }

    /// <summary>When the members were last read in full.</summary>
    public DateTimeOffset? ReadAt { get; set; }

    /// <summary>Counts membership changes; the read that saw change <see cref="ReadChange"/> is current when they are equal.</summary>
    public long Change { get; set; }

    public long ReadChange { get; set; }
}
