using CoalitionBot.Core.Outbox;
using MimeKit;

namespace CoalitionBot.Email.Sending;

/// <summary>Where a composed e-mail goes: an SMTP server, or the pickup folder when none is configured. Never throws.</summary>
internal interface IMailTransport
{
    Task<DeliveryOutcome> SendAsync(MimeMessage message, Guid deliveryId, CancellationToken cancellationToken);
}
