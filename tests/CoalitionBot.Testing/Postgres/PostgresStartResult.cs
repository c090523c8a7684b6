using System.Diagnostics.CodeAnalysis;

namespace CoalitionBot.Testing.Postgres;

/// <summary>A started <see cref="PostgresServer"/>, or why none could be started on this machine.</summary>
public sealed record PostgresStartResult(PostgresServer? Server, string? Reason)
{
    /// <summary>Whether <see cref="Server"/> is running.</summary>
    [MemberNotNullWhen(true, nameof(Server))]
    [MemberNotNullWhen(false, nameof(Reason))]
    public bool Started => Server is not null;
}
