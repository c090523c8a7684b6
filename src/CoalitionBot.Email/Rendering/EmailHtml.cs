using System.Text;
using System.Text.Encodings.Web;
using CoalitionBot.Core.Messages;
using CoalitionBot.Documents;

namespace CoalitionBot.Email.Rendering;

/// <summary>
/// The text/html part: one self-contained document with inline styles only (mail clients drop style sheets) and no
/// remote images. Every piece of user text is HTML-encoded; the memo comes sanitised from <see cref="MemoHtml"/>.
/// </summary>
internal static class EmailHtml
{
    private const string Body = "margin:0;padding:0;background:#f4f5f7;";
    private const string Sheet = "max-width:640px;margin:0 auto;padding:24px 20px;background:#ffffff;color:#1b1f24;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:16px;line-height:1.5;";
    private const string Heading = "font-size:20px;line-height:1.3;margin:0 0 16px;";
    private const string Paragraph = "margin:0 0 12px;";
    private const string Notice = "margin:0 0 16px;padding:8px 12px;border-left:4px solid #b42318;background:#fef3f2;";
    private const string Label = "text-align:left;vertical-align:top;padding:2px 16px 2px 0;color:#57606a;font-weight:600;";
    private const string MemoBox = "margin:0 0 16px;padding:4px 16px;border:1px solid #d0d7de;border-radius:6px;";
    private const string Primary = "display:inline-block;margin:0 8px 8px 0;padding:10px 18px;border-radius:6px;background:#1f6feb;color:#ffffff;text-decoration:none;font-weight:600;";
    private const string Secondary = "display:inline-block;margin:0 8px 8px 0;padding:9px 17px;border-radius:6px;border:1px solid #1f6feb;background:#ffffff;color:#1f6feb;text-decoration:none;font-weight:600;";
    private const string Small = "margin:0 0 12px;font-size:13px;color:#57606a;word-break:break-all;";

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    public static string Render(Message message, string subject, string footer)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(Encoder.Encode(BidiText.Balance(subject))).Append("</title></head>\n")
            .Append("<body style=\"").Append(Body).Append("\"><div style=\"").Append(Sheet).Append("\">\n");
        foreach (var block in message.Blocks)
        {
            Append(html, block);
        }

        html.Append("<hr style=\"border:none;border-top:1px solid #d0d7de;margin:24px 0 12px;\">")
            .Append("<p style=\"").Append(Small).Append("\">").Append(Text(footer)).Append("</p>\n");
        return html.Append("</div></body></html>\n").ToString();
    }

    private static void Append(StringBuilder html, Block block)
    {
        switch (block)
        {
            case TextBlock { Strong: true } t:
                html.Append("<h1 style=\"").Append(Heading).Append("\">").Append(Text(t.Text)).Append("</h1>\n");
                break;
            case TextBlock t when t.Text.StartsWith(EmailRenderer.ConfidentialPrefix, StringComparison.Ordinal):
                html.Append("<p role=\"note\" style=\"").Append(Notice).Append("\"><strong>Confidential:</strong> ")
                    .Append(Text(t.Text[EmailRenderer.ConfidentialPrefix.Length..])).Append("</p>\n");
                break;
            case TextBlock t:
                html.Append("<p style=\"").Append(Paragraph).Append("\">").Append(Text(t.Text)).Append("</p>\n");
                break;
            case FieldsBlock f:
                html.Append("<table role=\"presentation\" style=\"border-collapse:collapse;margin:0 0 16px;\">");
                foreach (var field in f.Fields)
                {
                    html.Append("<tr><th scope=\"row\" style=\"").Append(Label).Append("\">").Append(Text(field.Label))
                        .Append("</th><td style=\"padding:2px 0;\">").Append(Text(field.Value)).Append("</td></tr>");
                }

                html.Append("</table>\n");
                break;
            case MemoExcerptBlock m:
                html.Append("<div style=\"").Append(MemoBox).Append("\">\n")
                    .Append(MemoHtml.Render(EmailRenderer.Memo(m), new MemoHtmlOptions(ShowParagraphMarkers: m.Numbered)));
                if (m.Truncated)
                {
                    html.Append("<p style=\"").Append(Small).Append("\">This is the beginning of the memo: the link below opens the full text.</p>\n");
                }

                html.Append("</div>\n");
                break;
            case ButtonsBlock b:
                AppendLinks(html, EmailRenderer.Links(b).ToList());
                break;
        }
    }

    private static void AppendLinks(StringBuilder html, List<Button> links)
    {
        if (links.Count == 0)
        {
            return;
        }

        html.Append("<p style=\"margin:8px 0 8px;\">");
        foreach (var link in links)
        {
            html.Append("<a href=\"").Append(Encoder.Encode(link.Url!)).Append("\" target=\"_blank\" rel=\"noopener\" style=\"")
                .Append(link.Style == ButtonStyle.Primary || links.Count == 1 ? Primary : Secondary).Append("\">").Append(Text(link.Label)).Append("</a>");
        }

        html.Append("</p>\n");
        foreach (var link in links)
        {
            // Some clients strip styled links or block them until trusted: the address in full lets a reader copy it.
            html.Append("<p style=\"").Append(Small).Append("\">").Append(Text(link.Label)).Append(": <a href=\"").Append(Encoder.Encode(link.Url!))
                .Append("\" target=\"_blank\" rel=\"noopener\" style=\"color:#1f6feb;\">").Append(Text(link.Url!)).Append("</a></p>\n");
        }
    }

    // Each line is balanced and, when it holds right-to-left letters or bidi controls, isolated in a <bdi> (BidiText).
    private static string Text(string text) => BidiText.Html(text, Encoder.Encode, "<br>");
}
