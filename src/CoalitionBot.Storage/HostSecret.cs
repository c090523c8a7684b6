namespace CoalitionBot.Storage;

/// <summary>A secret the host generates once and every instance shares (such as the download-link signing key).</summary>
public sealed class HostSecret
{
    public const string DownloadSigningKey = "downloads.signing-key";

    public required string Name { get; set; }

    public required string Value { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
