using CoalitionBot.Storage;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace CoalitionBot.Hosting;

/// <summary>Tells the person who started the bot where it listens, where its data is, and which channels run.</summary>
public sealed partial class StartupReport(
    IServer server,
    IHostApplicationLifetime lifetime,
    IDatabaseDescription database,
    ChannelSelection channels,
    Microsoft.Extensions.Options.IOptions<KeyRingOptions> keyRing,
    ILogger<StartupReport> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var url = addresses.FirstOrDefault() ?? "(no address)";
            LogStarted(logger, url, channels.ToString(), database.Provider.ToString(), database.Where);
            if (channels.Web)
            {
                LogPlayground(logger, url);
            }

            if (!keyRing.Value.Protected)
            {
                LogKeysUnprotected(logger);
            }
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = LogEvents.Started, Level = LogLevel.Information, Message = "CoalitionBot is running on {Url} with {Channels}; data: {Provider} {Where}")]
    private static partial void LogStarted(ILogger logger, string url, string channels, string provider, string where);

    [LoggerMessage(EventId = LogEvents.Playground, Level = LogLevel.Warning, Message = "Local web channel: open {Url} in a browser. It is a playground: identities are NOT verified, and it answers only this machine.")]
    private static partial void LogPlayground(ILogger logger, string url);

    [LoggerMessage(EventId = LogEvents.KeysUnprotected, Level = LogLevel.Warning, Message = "Data Protection keys are stored unprotected in the database: anyone who can read it or its backups can decrypt the Slack tokens. Set DataProtection:CertificatePath and DataProtection:CertificatePassword to encrypt them (docs/operations.md).")]
    private static partial void LogKeysUnprotected(ILogger logger);
}
