namespace CoalitionBot.Core.Downloads;

/// <summary>The outcome of checking a download token.</summary>
public enum DownloadCheck
{
    Valid,

    /// <summary>Signed by us, but past its expiry.</summary>
    Expired,

    /// <summary>Malformed, or its signature does not match (changed or forged).</summary>
    Invalid,
}
