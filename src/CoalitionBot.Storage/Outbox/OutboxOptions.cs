using System.ComponentModel.DataAnnotations;

namespace CoalitionBot.Storage.Outbox;

/// <summary>Configuration section "Outbox": how the delivery worker paces itself.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>Run the delivery worker in this instance (default true).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How many due deliveries one claim takes.</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 50;

    /// <summary>How long a claim holds its rows; after that, another worker may take them (a crashed worker's rows come back).</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often the worker looks for due deliveries when nothing wakes it.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>After this many passing failures a delivery is given up and coordinators are told.</summary>
    [Range(1, 50)]
    public int MaxAttempts { get; set; } = 10;

    /// <summary>How many deliveries are sent at once (platform rate limiters still pace each channel).</summary>
    [Range(1, 64)]
    public int Parallelism { get; set; } = 8;
}
