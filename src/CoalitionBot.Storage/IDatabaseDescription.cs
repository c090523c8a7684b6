namespace CoalitionBot.Storage;

/// <summary>What the host prints at start: which database, and where (never a password).</summary>
public interface IDatabaseDescription
{
    StorageProvider Provider { get; }

    string Where { get; }
}

internal sealed record DatabaseDescription(StorageProvider Provider, string Where) : IDatabaseDescription;
