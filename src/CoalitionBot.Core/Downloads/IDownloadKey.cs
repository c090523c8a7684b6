namespace CoalitionBot.Core.Downloads;

/// <summary>The secret download links are signed with.</summary>
public interface IDownloadKey
{
    ReadOnlySpan<byte> Key { get; }
}
