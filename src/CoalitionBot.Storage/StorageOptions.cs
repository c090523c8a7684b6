using System.ComponentModel.DataAnnotations;

namespace CoalitionBot.Storage;

/// <summary>Configuration section "Storage": which database, and where.</summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string Section = "Storage";

    /// <summary>Sqlite (default: a file in ./data) or Postgres (several instances sharing one database).</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>For SQLite, optional (default Data Source=data/coalitionbot.db); for PostgreSQL, required.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Apply pending migrations at start (default true).</summary>
    public bool MigrateOnStart { get; set; } = true;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == StorageProvider.Postgres && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult(
                "Storage:ConnectionString is required when Storage:Provider is Postgres (for example Host=db;Database=coalitionbot;Username=…;Password=…).",
                [nameof(ConnectionString)]);
        }
    }

    public string SqliteConnectionString(string dataFolder) =>
        string.IsNullOrWhiteSpace(ConnectionString) ? $"Data Source={Path.Combine(dataFolder, "coalitionbot.db")}" : ConnectionString;
}
