using System.Net.Security;
using CoalitionBot.Core.Outbox;
using CoalitionBot.Email.Pickup;
using CoalitionBot.Email.Sending;
using CoalitionBot.Testing.Email;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CoalitionBot.Email.Tests.Support;

/// <summary>The e-mail channel as the host wires it (AddEmail), with test settings, a fake clock and collected logs.</summary>
public sealed class EmailTestChannel : IDisposable
{
    private readonly ServiceProvider _services;

    private EmailTestChannel(Dictionary<string, string?> settings, RemoteCertificateValidationCallback? trust)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton(Logs);
        services.AddSingleton(typeof(ILogger<>), typeof(CollectingLogger<>));
        services.AddEmail(configuration, Folder);
        _services = services.BuildServiceProvider();
        if (_services.GetRequiredService<IMailTransport>() is SmtpMailTransport smtp)
        {
            smtp.CertificateValidation = trust;
        }

        Channel = _services.GetServices<IDeliveryChannel>().Single();
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 2, 14, 0, 0, TimeSpan.Zero));

    public LogRecords Logs { get; } = new();

    /// <summary>A folder of this test's own, for the pickup directory.</summary>
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "coalitionbot-email-" + Guid.NewGuid().ToString("N"));

    public IDeliveryChannel Channel { get; }

    public PickupFolder Pickup => _services.GetRequiredService<PickupFolder>();

    /// <summary>Settings resolve and validate as at the host's start (throws OptionsValidationException).</summary>
    public EmailOptions Options => _services.GetRequiredService<IOptions<EmailOptions>>().Value;

    public static EmailTestChannel Smtp(SmtpTestServer server, Dictionary<string, string?>? extra = null, RemoteCertificateValidationCallback? trust = null) =>
        Smtp(server.Port, extra, trust);

    public static EmailTestChannel Smtp(int port, Dictionary<string, string?>? extra = null, RemoteCertificateValidationCallback? trust = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Email:From"] = "Our coalition <memos@coalition.example.org>",
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:Smtp:UseStartTls"] = "false",
            ["Email:Smtp:Timeout"] = "00:00:10",
        };
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        return new EmailTestChannel(settings, trust);
    }

    public static EmailTestChannel Unconfigured(Dictionary<string, string?>? settings = null) => new(settings ?? [], null);

    public Task<DeliveryOutcome> SendAsync(OutboundMessage message) => Channel.SendAsync(message, CancellationToken.None);

    public void Dispose()
    {
        _services.Dispose();
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
