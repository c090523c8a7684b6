namespace CoalitionBot.Storage;

/// <summary>The databases CoalitionBot runs on.</summary>
public enum StorageProvider
{
    Sqlite,
    Postgres,
}
