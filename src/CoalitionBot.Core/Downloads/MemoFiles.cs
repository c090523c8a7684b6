using System.Text;
using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Data;
using CoalitionBot.Core.Domain;
using CoalitionBot.Documents;

namespace CoalitionBot.Core.Downloads;

/// <summary>Builds the file a valid download ticket names, from the store as it is now.</summary>
public static class MemoFiles
{
    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>The file, or null when its memo or coalition no longer exists. Reads only the subject's coalition (<paramref name="scope"/> is entered).</summary>
    public static async Task<DownloadFile?> RenderAsync(IDataSession data, DownloadTicket ticket, DateTimeOffset now, CancellationToken ct, CoalitionScope? scope = null)
    {
        if (ticket.Format == DownloadFormat.DirectoryCsv)
        {
            scope?.Enter(ticket.SubjectId);
            var coalition = await data.FirstOrDefaultAsync(data.Coalitions.Where(c => c.Id == ticket.SubjectId), ct);
            return coalition is null ? null : new DownloadFile("partner-directory.csv", "text/csv; charset=utf-8", Utf8(await DirectoryCsvAsync(data, coalition, ct)));
        }

        var memo = await data.FirstOrDefaultAsync(data.Memos.Where(m => m.Id == ticket.SubjectId), ct);
        var owner = memo is null ? null : await data.FirstOrDefaultAsync(data.Coalitions.Where(c => c.Id == memo.CoalitionId), ct);
        if (memo is null || owner is null)
        {
            return null;
        }

        scope?.Enter(owner.Id);

        var name = memo.Code + "-";
        switch (ticket.Format)
        {
            case DownloadFormat.AuditCsv:
                return new DownloadFile(name + "audit-certificate.csv", "text/csv; charset=utf-8",
                    AuditCertificate.ToCsvUtf8(await AuditTrail.MemoAsync(data, memo, ct), await AuditTrail.ForMemoAsync(data, memo, ct)));
            case DownloadFormat.AuditDocx:
                return new DownloadFile(name + "audit-certificate.docx", Docx,
                    AuditCertificate.ToDocx(await AuditTrail.MemoAsync(data, memo, ct), await AuditTrail.ForMemoAsync(data, memo, ct), owner.Culture, ticket.Choice.Paper));
        }

        var list = await MemoLists.BuildAsync(data, owner, memo, ticket.Choice, now, ct);
        switch (ticket.Format)
        {
            case DownloadFormat.ListHtml or DownloadFormat.ListHtmlOnly:
                var header = ticket.Format == DownloadFormat.ListHtml;
                var page = $"<!DOCTYPE html>\n<html lang=\"{owner.Culture}\">\n<head><meta charset=\"utf-8\"><title>{System.Net.WebUtility.HtmlEncode(memo.Title)}</title></head>\n<body>\n{PartnerListExport.ToHtml(list, header)}</body>\n</html>\n";
                return new DownloadFile(name + (header ? "signatories.html" : "signatories-list-only.html"), "text/html; charset=utf-8", Utf8(page));
            case DownloadFormat.ListText or DownloadFormat.ListTextOnly:
                return ticket.Format == DownloadFormat.ListText
                    ? new DownloadFile(name + "signatories.txt", "text/plain; charset=utf-8", Utf8(PartnerListExport.ToPlainText(list)))
                    : new DownloadFile(name + "signatories-list-only.txt", "text/plain; charset=utf-8", Utf8(PartnerListExport.ToPlainText(list, header: false)));
            case DownloadFormat.ListCsv:
                return new DownloadFile(name + "signatories.csv", "text/csv; charset=utf-8", Utf8(PartnerListExport.ToCsv(list)));
            default:
                var version = await data.FirstOrDefaultAsync(data.Versions.Where(v => v.MemoId == memo.Id && v.Number == memo.CurrentVersion), ct);
                return new DownloadFile(name + "memo-and-signatories.docx", Docx,
                    PartnerListExport.ToDocx(list, version is null ? null : MemoDocument.Parse(version.Markdown)));
        }
    }

    /// <summary>The coalition's directory in the import format, so an export can be edited and imported again.</summary>
    public static async Task<string> DirectoryCsvAsync(IDataSession data, Coalition coalition, CancellationToken ct)
    {
        var orgs = await data.ListAsync(data.Organisations.Where(o => o.CoalitionId == coalition.Id), ct);
        var contacts = await data.ListAsync(data.Contacts.Where(c => c.CoalitionId == coalition.Id && c.OrganisationId != null), ct);
        var contactIds = contacts.Select(c => c.Id).ToList();
        var identities = await data.ListAsync(data.Identities.Where(i => contactIds.Contains(i.ContactId)), ct);
        string? IdOn(Contact c, Platform p) => identities.FirstOrDefault(i => i.ContactId == c.Id && i.Platform == p)?.UserId;
        return PartnerDirectoryCsv.Write(orgs.OrderBy(o => o.SortName, DirectoryOrder.For(coalition.Culture)).Select(o => new DirectoryOrganisation(
            o.Name, o.SortName, o.Category, o.Country,
            contacts.Where(c => c.OrganisationId == o.Id).OrderBy(c => c.Name, StringComparer.Ordinal)
                .Select(c => new DirectoryContact(c.Name, c.Email, IdOn(c, Platform.Slack), IdOn(c, Platform.Teams), c.IsAuthorisedSigner, Reach.PreferredChannel.Format(c.PreferredPlatform))).ToList(),
            o.Aliases)));
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
