using System.Text;

namespace CoalitionBot.Documents;

/// <summary>Exports a compiled <see cref="PartnerList"/> to Markdown, HTML, plain text, CSV and DOCX.</summary>
public static class PartnerListExport
{
    /// <summary>Markdown: title block, "## Signatories", one "### Category" per group, one bullet per organisation; user text escaped.</summary>
    public static string ToMarkdown(PartnerList list)
    {
        var request = list.Request;
        var md = new StringBuilder(PartnerText.Capacity(list))
            .Append("# ").Append(MarkdownEscape.Escape(request.MemoTitle)).Append("\n\n")
            .Append("To: ").Append(MarkdownEscape.EscapeInline(BidiText.Isolate(request.Addressee))).Append("  \n")
            .Append("Date: ").Append(PartnerText.FormatDate(request.Date, request.CultureName)).Append("\n\n")
            .Append("## Signatories (").Append(list.Count).Append(")\n");
        foreach (var group in list.Groups)
        {
            md.Append('\n');
            if (list.HeadingOf(group) is { } heading)
            {
                md.Append("### ").Append(MarkdownEscape.Escape(heading)).Append("\n\n");
            }

            foreach (var entry in group.Entries)
            {
                md.Append("- ").Append(MarkdownEscape.Escape(entry.Label(request.ShowCountry))).Append(entry.Marks).Append('\n');
            }
        }

        AppendLegend(md, list, "\n", "  \n");
        return md.ToString();
    }

    /// <summary>An HTML fragment with every piece of user text escaped; without <paramref name="header"/>, no title, To and Date (the memo has them).</summary>
    public static string ToHtml(PartnerList list, bool header = true)
    {
        var request = list.Request;
        var html = new StringBuilder(PartnerText.Capacity(list)).Append("<section class=\"partner-list\">\n");
        if (header)
        {
            html.Append("<h1>").Append(HtmlText.User(PartnerText.OneLine(request.MemoTitle))).Append("</h1>\n")
                .Append("<p class=\"partner-list-meta\">To: ").Append(HtmlText.User(PartnerText.OneLine(request.Addressee)))
                .Append("<br>Date: ").Append(HtmlText.Escape(PartnerText.FormatDate(request.Date, request.CultureName))).Append("</p>\n");
        }

        html.Append("<h2>Signatories (").Append(list.Count).Append(")</h2>\n");
        foreach (var group in list.Groups)
        {
            if (list.HeadingOf(group) is { } heading)
            {
                html.Append("<h3>").Append(HtmlText.User(heading)).Append("</h3>\n");
            }

            html.Append("<ul>\n");
            foreach (var entry in group.Entries)
            {
                html.Append("<li>").Append(HtmlText.User(entry.Label(request.ShowCountry))).Append(HtmlText.Escape(entry.Marks)).Append("</li>\n");
            }

            html.Append("</ul>\n");
        }

        var legend = PartnerText.Legend(list);
        if (legend.Length > 0)
        {
            html.Append("<p class=\"partner-list-legend\">").Append(HtmlText.Escape(legend).Replace("\n", "<br>\n", StringComparison.Ordinal)).Append("</p>\n");
        }

        return html.Append("</section>\n").ToString();
    }

    /// <summary>
    /// Plain text for pasting into an e-mail: one organisation per line under upper-case category headings; without
    /// <paramref name="header"/>, no title, To and Date lines (for pasting under the memo, which has them).
    /// </summary>
    public static string ToPlainText(PartnerList list, bool header = true)
    {
        var request = list.Request;
        var text = new StringBuilder(PartnerText.Capacity(list));
        if (header)
        {
            text.Append(PartnerText.Field(request.MemoTitle)).Append('\n')
                .Append("To: ").Append(PartnerText.Field(request.Addressee)).Append('\n')
                .Append("Date: ").Append(PartnerText.FormatDate(request.Date, request.CultureName)).Append("\n\n");
        }

        text.Append("Signatories (").Append(list.Count).Append(")\n");
        foreach (var group in list.Groups)
        {
            text.Append('\n');
            if (list.HeadingOf(group) is { } heading)
            {
                text.Append(heading.ToUpper(System.Globalization.CultureInfo.GetCultureInfo(request.CultureName))).Append('\n');
            }

            foreach (var entry in group.Entries)
            {
                entry.AppendLabel(text, request.ShowCountry).Append(entry.Marks).Append('\n');
            }
        }

        AppendLegend(text, list, "\n", "\n");
        return text.ToString();
    }

    /// <summary>CSV, one row per listed organisation in list order; every cell neutralised against formula injection.</summary>
    public static string ToCsv(PartnerList list) =>
        CsvText.Write(
            PartnerText.Capacity(list) * 2,
            ["category", "organisation", "sort_name", "country", "late", "needs_reconfirmation", "signatory_name", "signatory_title", "signed_at_utc", "version_hash"],
            list.Groups.SelectMany(g => g.Entries.Select(e => (IReadOnlyList<string?>)
            [
                g.Category, PartnerText.OneLine(e.Signatory.DisplayName), PartnerListBuilder.SortNameOf(e.Signatory), e.Signatory.Country,
                CsvText.Bool(e.Signatory.Late), CsvText.Bool(e.Signatory.NeedsReconfirmation), e.Signatory.SignatoryName,
                e.Signatory.SignatoryTitle, CsvText.Time(e.Signatory.SignedAt), e.Signatory.VersionHash,
            ])));

    /// <summary>
    /// A Word document: title block, the memo text (when given), then the signatories under category headings,
    /// and (when audit entries are given) the audit certificate as an appendix after a page break.
    /// </summary>
    public static byte[] ToDocx(PartnerList list, MemoDocument? memo = null, IReadOnlyList<AuditEntry>? audit = null, AuditMemo? auditMemo = null)
    {
        var request = list.Request;
        using var builder = new DocxBuilder(request.MemoTitle, PaperSizes.Resolve(request.Paper, request.CultureName));
        builder.Heading(0, PartnerText.Field(request.MemoTitle));
        builder.Paragraph("To: " + PartnerText.Field(request.Addressee));
        builder.Paragraph("Date: " + PartnerText.FormatDate(request.Date, request.CultureName));
        if (memo is not null)
        {
            MemoDocx.Append(builder, memo, headingOffset: 0);
        }

        builder.Heading(1, $"Signatories ({list.Count})");
        foreach (var group in list.Groups)
        {
            if (list.HeadingOf(group) is { } heading)
            {
                builder.Heading(2, heading);
            }

            foreach (var entry in group.Entries)
            {
                builder.Paragraph(entry.Label(request.ShowCountry) + entry.Marks);
            }
        }

        foreach (var line in PartnerText.Legend(list).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            builder.Paragraph(line, "Small");
        }

        if (audit is not null)
        {
            builder.PageBreak();
            AuditCertificate.Append(builder, auditMemo ?? new AuditMemo(request.MemoTitle), audit);
        }

        return builder.Finish();
    }

    private static void AppendLegend(StringBuilder text, PartnerList list, string before, string lineBreak)
    {
        var legend = PartnerText.Legend(list);
        if (legend.Length > 0)
        {
            text.Append(before).Append(legend.Replace("\n", lineBreak, StringComparison.Ordinal)).Append('\n');
        }
    }
}
