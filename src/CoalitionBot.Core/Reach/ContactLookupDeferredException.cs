namespace CoalitionBot.Core.Reach;

/// <summary>
/// A platform could not answer a look-up now (Slack's users.lookupByEmail answered 429, or the network failed): the
/// contact is neither found nor missing. They are asked again after <see cref="RetryAfter"/> and are not sent by
/// another route meanwhile; only "no such user" (or a deactivated one) falls to the next route.
/// </summary>
public sealed class ContactLookupDeferredException(TimeSpan retryAfter, string reason) : Exception(reason)
{
    public TimeSpan RetryAfter { get; } = retryAfter < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : retryAfter;
}
