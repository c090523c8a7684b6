using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using CoalitionBot.Email.Pickup;
using MimeKit;

namespace CoalitionBot.WebChannel;

/// <summary>The /mail pages: a list of the pickup folder and one message with its headers and both parts. Every value is encoded.</summary>
internal static class MailPickupPages
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    public static string List(string folder, IReadOnlyList<PickupMessage> messages)
    {
        var html = Start("E-mails in the pickup folder");
        html.Append("<p>No SMTP server is configured (<code>Email:Smtp:Host</code>), so every e-mail the bot sends is written to <code>")
            .Append(Text(folder)).Append("</code>. These are the ones a partner would have received. See docs/setup-email.md to send them for real.</p>");
        if (messages.Count == 0)
        {
            html.Append("<p class=\"cb-entry\">No e-mails yet. Circulate a memo to a partner who is reached by e-mail.</p>");
        }
        else
        {
            html.Append("<table class=\"cb-mail\"><thead><tr><th scope=\"col\">Time (UTC)</th><th scope=\"col\">To</th><th scope=\"col\">Subject</th></tr></thead><tbody>");
            foreach (var message in messages)
            {
                html.Append("<tr><td>").Append(Text(message.Date.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)))
                    .Append("</td><td>").Append(Text(message.To)).Append("</td><td><a href=\"/mail/").Append(Text(message.Name)).Append("\">")
                    .Append(Text(message.Subject.Length > 0 ? message.Subject : "(no subject)")).Append("</a></td></tr>");
            }

            html.Append("</tbody></table>");
        }

        return End(html);
    }

    public static string View(string name, MimeMessage message)
    {
        var html = Start(message.Subject ?? "(no subject)");
        html.Append("<p><a href=\"/mail\">← all e-mails</a> · <a href=\"/mail/").Append(Text(name)).Append("/raw\" download>download .eml</a> (opens in your mail program)</p>");
        html.Append("<dl class=\"cb-fields cb-entry\">");
        Header(html, "From", message.From.ToString());
        Header(html, "To", message.To.ToString());
        Header(html, "Date", message.Date.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture));
        Header(html, "Message-ID", message.MessageId ?? "");
        Header(html, "List-Unsubscribe", message.Headers[HeaderId.ListUnsubscribe] ?? "");
        html.Append("</dl>");
        if (message.HtmlBody is not null)
        {
            html.Append("<h2>HTML part</h2><iframe class=\"cb-mail-frame\" title=\"The e-mail as HTML\" sandbox=\"allow-popups allow-popups-to-escape-sandbox\" src=\"/mail/")
                .Append(Text(name)).Append("/html\"></iframe>");
        }

        html.Append("<h2>Text part</h2><pre class=\"cb-entry cb-mail-text\">").Append(Text(message.TextBody ?? "(none)")).Append("</pre>");
        return End(html);
    }

    private static void Header(StringBuilder html, string label, string value) =>
        html.Append("<dt>").Append(label).Append("</dt><dd>").Append(Text(value)).Append("</dd>");

    private static StringBuilder Start(string title) => new StringBuilder()
        .Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .Append("<title>").Append(Text(title)).Append(" — CoalitionBot mail</title><link rel=\"stylesheet\" href=\"/app.css\">")
        .Append("<style>.cb-mail{width:100%;border-collapse:collapse;background:#fff}.cb-mail th,.cb-mail td{text-align:left;padding:.4rem .6rem;border-bottom:1px solid #dde0e6;vertical-align:top}")
        .Append(".cb-mail-frame{width:100%;height:70vh;border:1px solid #dde0e6;border-radius:8px;background:#fff}.cb-mail-text{white-space:pre-wrap;overflow-wrap:anywhere}</style></head><body>")
        .Append("<div class=\"cb-banner\" role=\"note\">Playground: these e-mails were not sent; they were written to the pickup folder on this machine.</div>")
        .Append("<header><h1><a href=\"/\" style=\"color:inherit;text-decoration:none\">CoalitionBot</a></h1><span>Mail</span></header><main><h1>")
        .Append(Text(title)).Append("</h1>");

    private static string End(StringBuilder html) => html.Append("</main></body></html>").ToString();

    private static string Text(string text) => Encoder.Encode(text);
}
