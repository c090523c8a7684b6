using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CoalitionBot.Storage;

/// <summary>
/// Normalises DateTimeOffset to UTC on PostgreSQL: Npgsql refuses to write a timestamptz with a non-zero
/// offset, so a value that slipped through in local time would fail the whole save instead of being stored.
/// </summary>
internal sealed class UtcDateTimeOffsetConverter()
    : ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v.ToUniversalTime());
