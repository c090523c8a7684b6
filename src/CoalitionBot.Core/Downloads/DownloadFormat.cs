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

    /// <summary>The list as HTML without the memo's title, addressee and date (to go under the memo, which has them).</summary>
    ListHtmlOnly,

    /// <summary>The list as plain text without the memo's title, addressee and date.</summary>
    ListTextOnly,
}
