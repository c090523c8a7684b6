using CoalitionBot.Core.Downloads;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace CoalitionBot.Downloads;

/// <summary>"PublicBaseUrl" when configured (set it when the bot sits behind a proxy or a tunnel), else the address Kestrel listens on.</summary>
public sealed class ServerPublicAddress(IConfiguration configuration, IServiceProvider services) : IPublicAddress
{
    public string BaseUrl =>
        (configuration[ConfiguredPublicAddress.Key] is { Length: > 0 } configured ? configured : Listening() ?? Hosting.BotHost.DefaultUrl).TrimEnd('/');

    private string? Listening()
    {
        var addresses = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses;
        var first = addresses?.FirstOrDefault(a => a.StartsWith("https:", StringComparison.Ordinal)) ?? addresses?.FirstOrDefault();

        // Kestrel reports a wildcard listener as http://[::]:3978; a person's browser needs a host name.
        return first?.Replace("://[::]", "://localhost", StringComparison.Ordinal).Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
            .Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal);
    }
}
