using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CoalitionBot.Storage;

/// <summary>
/// The journal's two writes as prepared statements, named and converted from the EF model (so SQLite's ticks and
/// PostgreSQL's timestamptz, and the enum stored as text, come out as EF would write them):
/// <c>INSERT … ON CONFLICT DO NOTHING</c> (a repeat of a journaled key is ignored, as the journal's contract says)
/// and the completion's <c>UPDATE</c>. Both databases take the same SQL. A batch of entries then costs one statement
/// execution each, without change tracking, inside one transaction.
/// </summary>
internal sealed class JournalStatements : IDisposable
{
    private readonly DbCommand insert;
    private readonly DbCommand complete;
    private readonly IProperty platform;
    private readonly IProperty receivedAt;
    private readonly IProperty completedAt;

    public JournalStatements(CoalitionDbContext db, DbConnection connection, DbTransaction transaction)
    {
        var type = db.Model.FindEntityType(typeof(InboundJournalEntry))!;
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        string Column(string name) => "\"" + type.FindProperty(name)!.GetColumnName(table) + "\"";
        platform = type.FindProperty(nameof(InboundJournalEntry.Platform))!;
        receivedAt = type.FindProperty(nameof(InboundJournalEntry.ReceivedAt))!;
        completedAt = type.FindProperty(nameof(InboundJournalEntry.CompletedAt))!;
        var name = (type.GetSchema() is { } schema ? $"\"{schema}\"." : "") + $"\"{table.Name}\"";

        insert = Command(connection, transaction,
            $"INSERT INTO {name} ({Column("Platform")}, {Column("Key")}, {Column("Payload")}, {Column("ReceivedAt")}, {Column("Attempts")}) "
            + "VALUES (@platform, @key, @payload, @at, 0) ON CONFLICT DO NOTHING",
            "platform", "key", "payload", "at");
        complete = Command(connection, transaction,
            $"UPDATE {name} SET {Column("CompletedAt")} = @at WHERE {Column("Platform")} = @platform AND {Column("Key")} = @key AND {Column("CompletedAt")} IS NULL",
            "platform", "key", "at");
    }

    public void Insert(InboundJournalEntry entry)
    {
        insert.Parameters["platform"].Value = Provider(platform, entry.Platform);
        insert.Parameters["key"].Value = entry.Key;
        insert.Parameters["payload"].Value = entry.Payload;
        insert.Parameters["at"].Value = Provider(receivedAt, entry.ReceivedAt);
        insert.ExecuteNonQuery();
    }

    public void Complete(InboundJournalEntry entry, DateTimeOffset at)
    {
        complete.Parameters["platform"].Value = Provider(platform, entry.Platform);
        complete.Parameters["key"].Value = entry.Key;
        complete.Parameters["at"].Value = Provider(completedAt, at);
        complete.ExecuteNonQuery();
    }

    public void Dispose()
    {
        insert.Dispose();
        complete.Dispose();
    }

    /// <summary>The value as the column stores it: through the property's converter when it has one.</summary>
    private static object Provider(IProperty property, object value) =>
        (property.GetTypeMapping().Converter is { } converter ? converter.ConvertToProvider(value) : value) ?? DBNull.Value;

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
