using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CoalitionBot.Storage;

/// <summary>Recognises a unique-key violation from either provider and names the table it happened in.</summary>
internal static class UniqueViolations
{
    private static readonly string[] Tables =
        ["PersonalLinks", "ReminderSnoozes", "ProcessedInbound", "InboundJournal", "SignOns", "Deliveries", "Memos", "Versions", "Comments", "Identities", "Organisations", "Contacts", "Coalitions", "OAuthStateUses", "SlackInstallations", "CoalitionLinks"];

    public static string? TableOf(DbUpdateException e)
    {
        string? message = e.InnerException switch
        {
            SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 } s => s.Message, // UNIQUE / PRIMARY KEY
            PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } p => p.ConstraintName ?? p.TableName ?? p.Message,
            _ => null,
        };
        if (message is null)
        {
            return null;
        }

        // SQLite says "UNIQUE constraint failed: SignOns.MemoId, …"; PostgreSQL names the index "IX_SignOns_…" or "PK_ProcessedInbound".
        return Tables.FirstOrDefault(t => message.Contains(t + ".", StringComparison.Ordinal) || message.Contains("_" + t, StringComparison.Ordinal)) ?? "unknown";
    }
}
