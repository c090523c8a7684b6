using CoalitionBot.Core.Domain;
using CoalitionBot.Core.Messages;

namespace CoalitionBot.Core.Downloads;

/// <summary>Turns tickets into link buttons every platform renders (Slack url buttons, Teams OpenUrl, HTML links).</summary>
public sealed class DownloadLinks(DownloadSigner signer, IPublicAddress address)
{
    public const string Path = "/downloads/";

    public string UrlFor(DownloadTicket ticket) => address.BaseUrl + Path + signer.Sign(ticket);

    /// <summary>The compiled list in every format, the memo with its list as Word, the audit certificate, and the list alone (no title, To, Date) to paste under the memo.</summary>
    public ButtonsBlock ForList(Memo memo, ListChoice choice) => new([
        Button("HTML", memo.Id, DownloadFormat.ListHtml, choice),
        Button("Plain text", memo.Id, DownloadFormat.ListText, choice),
        Button("CSV", memo.Id, DownloadFormat.ListCsv, choice),
        Button("Word: memo + list", memo.Id, DownloadFormat.ListDocx, choice),
        Button("Audit certificate (Word)", memo.Id, DownloadFormat.AuditDocx, choice),
        Button("Audit certificate (CSV)", memo.Id, DownloadFormat.AuditCsv, choice),
        Button("HTML, list only", memo.Id, DownloadFormat.ListHtmlOnly, choice),
        Button("Plain text, list only", memo.Id, DownloadFormat.ListTextOnly, choice),
    ]);

    public ButtonsBlock ForDirectory(Coalition coalition) => new([Button("Partner directory (CSV)", coalition.Id, DownloadFormat.DirectoryCsv, ListChoice.Default)]);

    /// <summary>"Links work until …" for the reply, in the reader's time zone.</summary>
    public string ExpiryNote(string? timeZone) =>
        $"Download links work until {TimeZones.Describe(signer.Ticket(Guid.Empty, DownloadFormat.ListCsv).Expires, timeZone)}; anyone with a link can open it, so share them with care.";

    private Button Button(string label, Guid subject, DownloadFormat format, ListChoice choice) =>
        new(label, ActionIds.Download, format.ToString(), Url: UrlFor(signer.Ticket(subject, format, choice)));
}
