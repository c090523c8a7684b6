namespace CoalitionBot.Core.Downloads;

/// <summary>Where people reach this bot's web endpoints from (the start of download links), without a trailing slash.</summary>
public interface IPublicAddress
{
    string BaseUrl { get; }
}
