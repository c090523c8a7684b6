namespace CoalitionBot.Core.Downloads;

/// <summary>
/// Turns one of our own signed download links back into its file, for platforms that post files instead of links
/// (Slack uploads the compiled list into the coordinator's DM, which works even when the bot has no public address).
/// </summary>
public interface IDownloadFileSource
{
    /// <summary>The file behind <paramref name="url"/>, or null when it is not a valid, unexpired link of ours.</summary>
    Task<DownloadFile?> FromLinkAsync(string url, CancellationToken cancellationToken);
}
