namespace CoalitionBot.Core.Data;

/// <summary>A save was refused because a unique key was already taken; <see cref="Table"/> names where, when known.</summary>
public sealed class UniqueConflictException(string? table, Exception inner)
    : Exception("A unique key was already taken" + (table is null ? "." : $" in {table}."), inner)
{
    public string? Table { get; } = table;
}
