using System.Collections.Concurrent;

namespace CoalitionBot.Email.Tests.Support;

/// <summary>Every log line the channel wrote, with its exception, so tests can check what is (not) in logs.</summary>
public sealed class LogRecords
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public string All => string.Join('\n', Lines);
}
