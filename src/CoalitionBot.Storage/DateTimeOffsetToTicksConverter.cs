using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CoalitionBot.Storage;

/// <summary>Stores a DateTimeOffset as UTC ticks (a sortable integer) on SQLite.</summary>
internal sealed class DateTimeOffsetToTicksConverter()
    : ValueConverter<DateTimeOffset, long>(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
