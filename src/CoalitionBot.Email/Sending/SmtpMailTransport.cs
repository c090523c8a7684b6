using System.Net.Security;
using CoalitionBot.Core.Outbox;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CoalitionBot.Email.Sending;

/// <summary>
/// Sends over one reused SMTP connection (a circulation sends many e-mails; a new TLS session and login per message
/// would be slow and look like abuse to the server). Messages take turns on it. After a connection failure the
/// transport rests briefly, so a batch does not wait out a timeout per message while the server is down.
/// </summary>
internal sealed partial class SmtpMailTransport(IOptions<EmailOptions> options, TimeProvider clock, ILogger<SmtpMailTransport> log) : IMailTransport, IDisposable
{
    /// <summary>How long to answer "retry" at once after the server could not be reached.</summary>
    public static readonly TimeSpan Rest = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _turn = new(1, 1);
    private SmtpClient? _client;
    private DateTimeOffset _restUntil = DateTimeOffset.MinValue;

    /// <summary>Tests trust their own self-signed certificate with this; production uses the system's trust store.</summary>
    internal RemoteCertificateValidationCallback? CertificateValidation { get; set; }

    public async Task<DeliveryOutcome> SendAsync(MimeMessage message, Guid deliveryId, CancellationToken cancellationToken)
    {
        try
        {
            await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return new DeliveryRetry("Stopped before the e-mail was sent");
        }

        try
        {
            if (clock.GetUtcNow() < _restUntil)
            {
                return new DeliveryRetry("The mail server could not be reached a moment ago", Rest);
            }

            await SendOnConnectionAsync(message, cancellationToken).ConfigureAwait(false);
            return new DeliverySent(message.MessageId ?? deliveryId.ToString("N"), null);
        }
        catch (Exception e)
        {
            var outcome = SmtpOutcomes.From(e);
            if (SmtpOutcomes.BreaksConnection(e))
            {
                Drop();
                _restUntil = clock.GetUtcNow() + Rest;
            }

            LogFailed(log, deliveryId, options.Value.Smtp.Host!, options.Value.Smtp.Port, outcome.ToString());
            return outcome;
        }
        finally
        {
            _turn.Release();
        }
    }

    public void Dispose()
    {
        Drop();
        _turn.Dispose();
    }

    private async Task SendOnConnectionAsync(MimeMessage message, CancellationToken ct)
    {
        var reused = _client is { IsConnected: true };
        try
        {
            await (await ConnectedAsync(ct).ConfigureAwait(false)).SendAsync(message, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (reused && SmtpOutcomes.BreaksConnection(e) && e is not OperationCanceledException)
        {
            // Servers close idle connections without telling us: one fresh connection before calling it a failure.
            Drop();
            await (await ConnectedAsync(ct).ConfigureAwait(false)).SendAsync(message, ct).ConfigureAwait(false);
        }
    }

    private async Task<SmtpClient> ConnectedAsync(CancellationToken ct)
    {
        if (_client is { IsConnected: true } open)
        {
            return open;
        }

        Drop();
        var smtp = options.Value.Smtp;
        var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        if (CertificateValidation is not null)
        {
            client.ServerCertificateValidationCallback = CertificateValidation;
        }

        _client = client;
        var security = smtp.Port == 465 ? SecureSocketOptions.SslOnConnect : smtp.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None;
        await client.ConnectAsync(smtp.Host!, smtp.Port, security, ct).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(smtp.Username))
        {
            await client.AuthenticateAsync(smtp.Username, smtp.Password ?? "", ct).ConfigureAwait(false);
        }

        return client;
    }

    private void Drop()
    {
        var client = _client;
        _client = null;
        client?.Dispose();
    }

    [LoggerMessage(EventId = LogEvents.EmailNotSent, Level = LogLevel.Warning, Message = "E-mail for delivery {DeliveryId} via {Host}:{Port} not sent: {Outcome}")]
    private static partial void LogFailed(ILogger logger, Guid deliveryId, string host, int port, string outcome);
}
