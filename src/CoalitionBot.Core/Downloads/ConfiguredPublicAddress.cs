using Microsoft.Extensions.Configuration;

namespace CoalitionBot.Core.Downloads;

/// <summary>The address from configuration key "PublicBaseUrl", else the local default; the host knows better and replaces it.</summary>
public sealed class ConfiguredPublicAddress(IConfiguration configuration) : IPublicAddress
{
    public const string Key = "PublicBaseUrl";

    public string BaseUrl { get; } = (configuration[Key] is { Length: > 0 } url ? url : "http://127.0.0.1:3978").TrimEnd('/');
}
