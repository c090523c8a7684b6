using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Outbox;
using CoalitionBot.Email.Sending;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace CoalitionBot.Email;

/// <summary>
/// The outbox's channel for <see cref="Platform.Email"/>: the target's user id is the recipient's address. Composes the
/// message and hands it to SMTP or the pickup folder; never throws.
/// </summary>
internal sealed partial class EmailDeliveryChannel(EmailComposer composer, IMailTransport transport, ILogger<EmailDeliveryChannel> log) : IDeliveryChannel
{
    public Platform Platform => Platform.Email;

    public async Task<DeliveryOutcome> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        if (message.ReplacesPlatformMessageId is { } earlier)
        {
            // A sent e-mail cannot be changed, and a new one per card update would flood the partner's inbox; the
            // page behind the personal link always shows the current state.
            return new DeliverySent(earlier, null);
        }

        if (!MailboxAddress.TryParse(message.Target.UserId, out var to) || to.LocalPart.Length == 0 || to.Domain.Length == 0)
        {
            return new DeliveryFailed("This contact's e-mail address is not valid.", RecipientUnreachable: true);
        }

        try
        {
            return await transport.SendAsync(composer.Compose(message, to), message.DeliveryId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            LogThrew(log, e, message.DeliveryId);
            return new DeliveryRetry("Composing the e-mail failed: " + e.GetType().Name);
        }
    }

    [LoggerMessage(EventId = LogEvents.EmailNotComposed, Level = LogLevel.Error, Message = "E-mail for delivery {DeliveryId} could not be composed")]
    private static partial void LogThrew(ILogger logger, Exception exception, Guid deliveryId);
}
