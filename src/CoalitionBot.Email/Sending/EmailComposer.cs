using CoalitionBot.Core.Outbox;
using CoalitionBot.Core.Reach;
using CoalitionBot.Email.Rendering;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CoalitionBot.Email.Sending;

/// <summary>
/// Builds the MIME message for one delivery: From the configured sender, a Message-ID made from the delivery id (so a
/// retry is the same message to every server and mailbox), List-Unsubscribe (the host's signed one-click https URL,
/// RFC 8058, next to the mailto), and a text + HTML multipart/alternative.
/// </summary>
internal sealed class EmailComposer(IOptions<EmailOptions> options, TimeProvider clock, IUnsubscribeLinks? unsubscribeLinks = null)
{
    public MimeMessage Compose(OutboundMessage outbound, MailboxAddress to)
    {
        var settings = options.Value;
        var from = MailboxAddress.Parse(settings.From);
        var unsubscribe = string.IsNullOrWhiteSpace(settings.UnsubscribeAddress) ? from : MailboxAddress.Parse(settings.UnsubscribeAddress);
        var oneClick = unsubscribeLinks?.UrlFor(to.Address);
        var content = EmailRenderer.Render(outbound.Message, Footer(unsubscribe.Address, oneClick));
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

        // RFC 2369 / RFC 8058: the one-click URL first (mailbox providers POST "List-Unsubscribe=One-Click" to it), then
        // the mailto a coordinator reads. Without the host's endpoint (a channel wired alone) only the mailto.
        var mailto = $"<mailto:{unsubscribe.Address}?subject=unsubscribe>";
        message.Headers.Add(HeaderId.ListUnsubscribe, oneClick is null ? mailto : $"<{oneClick}>, {mailto}");
        if (oneClick is not null)
        {
            message.Headers.Add(HeaderId.ListUnsubscribePost, "List-Unsubscribe=One-Click");
        }

        // RFC 3834: an automatic message; out-of-office replies should not answer it.
        message.Headers.Add("Auto-Submitted", "auto-generated");
        return message;
    }

    /// <summary>The delivery's Message-ID (without angle brackets): its id at the sender's domain.</summary>
    public static string MessageId(Guid deliveryId, MailboxAddress from) =>
        $"{deliveryId:N}.coalitionbot@{(string.IsNullOrEmpty(from.Domain) ? "localhost" : from.Domain)}";

    private static string Footer(string unsubscribe, string? oneClick) =>
        "You receive this because a coordinator of your coalition lists you as a contact of a partner organisation. "
        + (oneClick is null
            ? $"To stop these e-mails, write to {unsubscribe} with \"unsubscribe\" in the subject."
            : $"To stop these e-mails, open {oneClick} or write to {unsubscribe} with \"unsubscribe\" in the subject.");
}
