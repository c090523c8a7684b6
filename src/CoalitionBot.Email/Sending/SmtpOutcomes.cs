using System.Net.Sockets;
using CoalitionBot.Core.Outbox;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace CoalitionBot.Email.Sending;

/// <summary>
/// What an SMTP failure means for the delivery. A 5xx reply to RCPT or DATA is permanent: the address (or this
/// message) is refused for good. Everything else — 4xx, a refused sender or login (our settings), connection and TLS
/// failures — may pass, so it is retried with back-off. Reasons never contain the password.
/// </summary>
internal static class SmtpOutcomes
{
    /// <summary>Wait at least this long after a temporary SMTP reply (greylisting asks for minutes, not seconds).</summary>
    public static readonly TimeSpan TemporaryReplyWait = TimeSpan.FromMinutes(1);

    public static DeliveryOutcome From(Exception error) => error switch
    {
        SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted } c when (int)c.StatusCode >= 500 =>
            new DeliveryFailed($"The mail server refused the {(c.ErrorCode == SmtpErrorCode.RecipientNotAccepted ? "address" : "message")} for good ({(int)c.StatusCode} {c.Message})",
                RecipientUnreachable: true),
        SmtpCommandException { ErrorCode: SmtpErrorCode.SenderNotAccepted } c =>
            new DeliveryRetry($"The mail server refused the sender address ({(int)c.StatusCode} {c.Message}); check Email:From", TemporaryReplyWait),
        SmtpCommandException c => new DeliveryRetry($"The mail server answered {(int)c.StatusCode} {c.Message}", TemporaryReplyWait),
        AuthenticationException => new DeliveryRetry("The mail server refused the SMTP login; check Email:Smtp:Username and Email:Smtp:Password"),
        SslHandshakeException => new DeliveryRetry("The TLS handshake with the mail server failed (certificate or protocol): " + error.Message),
        NotSupportedException => new DeliveryRetry("The mail server does not offer what the settings ask for (STARTTLS or a login mechanism): " + error.Message),
        SmtpProtocolException or ServiceNotConnectedException or SocketException or IOException =>
            new DeliveryRetry("Could not talk to the mail server: " + error.Message),
        TimeoutException or OperationCanceledException => new DeliveryRetry("The mail server did not answer in time"),
        _ => new DeliveryRetry("Sending the e-mail failed: " + error.GetType().Name),
    };

    /// <summary>Failures that leave the connection unusable (the next message needs a new one).</summary>
    public static bool BreaksConnection(Exception error) => error is not SmtpCommandException;
}
