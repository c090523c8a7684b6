namespace CoalitionBot.Core.Downloads;

/// <summary>The files a download link can serve.</summary>
public enum DownloadFormat
{
    ListHtml,
    ListText,
    ListCsv,
    ListDocx,
    AuditDocx,
    AuditCsv,
    DirectoryCsv,
}
