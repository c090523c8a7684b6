using CoalitionBot.Core.Outbox;
using CoalitionBot.Email.Rendering;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CoalitionBot.Email.Sending;

/// <summary>
/// Builds the MIME message for one delivery: From the configured sender, a Message-ID made from the delivery id (so a
/// retry is the same message to every server and mailbox), List-Unsubscribe, and a text + HTML multipart/alternative.
/// </summary>
internal sealed class EmailComposer(IOptions<EmailOptions> options, TimeProvider clock)
{
    public MimeMessage Compose(OutboundMessage outbound, MailboxAddress to)
    {
        var settings = options.Value;
        var from = MailboxAddress.Parse(settings.From);
        var unsubscribe = string.IsNullOrWhiteSpace(settings.UnsubscribeAddress) ? from : MailboxAddress.Parse(settings.UnsubscribeAddress);
        var content = EmailRenderer.Render(outbound.Message, Footer(unsubscribe.Address));
        var message = new MimeMessage
        {
            MessageId = MessageId(outbound.DeliveryId, from),
            Date = clock.GetUtcNow(),
            Subject = content.Subject,
            Body = new MultipartAlternative
            {
                new TextPart("plain") { Text = content.Text },
                new TextPart("html") { Text = content.Html },
            },
        };
        message.From.Add(from);
        message.To.Add(to);

        // Only a mailto: the bot has no one-click https endpoint yet, and List-Unsubscribe-Post (RFC 8058) is only
        // meaningful next to an https URI, so it is not sent.
        message.Headers.Add(HeaderId.ListUnsubscribe, $"<mailto:{unsubscribe.Address}?subject=unsubscribe>");

        // RFC 3834: an automatic message; out-of-office replies should not answer it.
        message.Headers.Add("Auto-Submitted", "auto-generated");
        return message;
    }

    /// <summary>The delivery's Message-ID (without angle brackets): its id at the sender's domain.</summary>
    public static string MessageId(Guid deliveryId, MailboxAddress from) =>
        $"{deliveryId:N}.coalitionbot@{(string.IsNullOrEmpty(from.Domain) ? "localhost" : from.Domain)}";

    private static string Footer(string unsubscribe) =>
        "You receive this because a coordinator of your coalition lists you as a contact of a partner organisation. "
        + $"To stop these e-mails, write to {unsubscribe} with \"unsubscribe\" in the subject.";
}
