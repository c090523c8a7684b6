using System.Globalization;

namespace CoalitionBot.Documents;

/// <summary>
/// The audit certificate: for every organisation that signed, who signed with what title, when, for which version,
/// the attestation accepted, and everything that happened to that sign-on afterwards.
/// </summary>
public static class AuditCertificate
{
    private static readonly string[] CsvHeader =
        ["organisation", "printed_name", "action", "at_utc", "at_memo_zone", "signatory_name", "signatory_title", "version_hash", "attestation", "detail", "actor", "via"];

    /// <summary>The certificate as its own Word document.</summary>
    public static byte[] ToDocx(string memoTitle, IReadOnlyList<AuditEntry> entries, string? cultureName = null, PaperSize paper = PaperSize.ByCulture) =>
        ToDocx(new AuditMemo(memoTitle), entries, cultureName, paper);

    /// <summary>The certificate as its own Word document: the memo, its final list's hash, then every organisation that signed.</summary>
    public static byte[] ToDocx(AuditMemo memo, IReadOnlyList<AuditEntry> entries, string? cultureName = null, PaperSize paper = PaperSize.ByCulture)
    {
        ArgumentNullException.ThrowIfNull(memo);
        using var builder = new DocxBuilder("Audit certificate: " + memo.Title, PaperSizes.Resolve(paper, cultureName));
        Append(builder, memo, entries);
        return builder.Finish();
    }

    /// <summary>CSV, one row per event of every organisation that signed, by organisation then time.</summary>
    public static string ToCsv(IReadOnlyList<AuditEntry> entries) => ToCsv(new AuditMemo(string.Empty), entries);

    /// <summary>
    /// CSV, one row per event of every organisation that signed, by organisation then time, each time in UTC and in
    /// the memo's zone; a last row records the list being made final, with its hash.
    /// </summary>
    public static string ToCsv(AuditMemo memo, IReadOnlyList<AuditEntry> entries) => CsvText.Write(CsvHeader, CsvRows(memo, entries));

    /// <summary>As <see cref="ToCsv(AuditMemo, IReadOnlyList{AuditEntry})"/>, as the UTF-8 bytes of the download, written as bytes from the start.</summary>
    public static byte[] ToCsvUtf8(AuditMemo memo, IReadOnlyList<AuditEntry> entries)
    {
        var rows = CsvRows(memo, entries);
        return CsvText.Utf8(256 + (rows.Count * 160), CsvHeader, rows); // a row is about 160 bytes
    }

    private static List<IReadOnlyList<string?>> CsvRows(AuditMemo memo, IReadOnlyList<AuditEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(memo);
        var rows = Threads(entries).SelectMany(t => t).Select(e => (IReadOnlyList<string?>)
        [
            PartnerText.OneLine(e.Organisation), e.DisplayName is null ? null : PartnerText.OneLine(e.DisplayName), e.Action.ToString().ToLowerInvariant(),
            CsvText.Time(e.At), LocalIso(e.At, memo), e.SignatoryName, e.SignatoryTitle, e.VersionHash, e.Attestation, e.Detail, e.Actor, e.Via,
        ]).ToList();
        if (memo.ListHash is { } hash)
        {
            rows.Add([null, null, "finalised", CsvText.Time(memo.FinalisedAt), memo.FinalisedAt is { } at ? LocalIso(at, memo) : null,
                null, null, null, null, $"final list hash {hash}", memo.FinalisedBy, null]);
        }

        return rows;
    }

    internal static void Append(DocxBuilder builder, AuditMemo memo, IReadOnlyList<AuditEntry> entries)
    {
        builder.Heading(1, "Audit certificate");
        builder.Paragraph("Memo: " + PartnerText.Field(memo.Title));
        if (memo.ListHash is { } hash)
        {
            var when = memo.FinalisedAt is { } at ? " on " + When(at, memo) : "";
            var who = memo.FinalisedBy is { } by ? " by " + PartnerText.Field(by) : "";
            builder.Paragraph($"The list was made final{when}{who}. Its SHA-256 fingerprint: {hash}");
        }
        else
        {
            builder.Paragraph("The list is not final yet: this certificate shows the sign-ons so far.");
        }

        var zone = memo.IsUtc ? "UTC" : $"the memo's time zone, {memo.Zone.Id}, with UTC in brackets";
        builder.Paragraph($"For each organisation that signed: the name as it asked to appear, who signed, with what title, when (in {zone}), for which version of the text, the attestation they accepted, who recorded each answer and how, and every later change, merge or withdrawal.", "Small");
        foreach (var thread in Threads(entries))
        {
            builder.Heading(2, PartnerText.Field(thread[0].Organisation));
            foreach (var entry in thread)
            {
                builder.ListItem([new FlowRun(Describe(entry, memo))], ordered: false, level: 0, listKey: "audit-" + thread[0].Organisation);
                if (!string.IsNullOrWhiteSpace(entry.Attestation))
                {
                    builder.Paragraph([new FlowRun("Attestation: ", Bold: true), new FlowRun(PartnerText.Field(entry.Attestation), Italic: true)], indentLevel: 1);
                }
            }
        }
    }

    // "2026-11-02 16:14:00 Europe/Berlin (15:14:00 UTC)", or "2026-11-02 15:14:00 UTC" for a memo kept in UTC.
    private static string When(DateTimeOffset at, AuditMemo memo)
    {
        var utc = CsvText.Time(at).Replace('T', ' ').Replace("Z", " UTC", StringComparison.Ordinal);
        if (memo.IsUtc)
        {
            return utc;
        }

        var local = TimeZoneInfo.ConvertTime(at, memo.Zone);
        return local.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " " + memo.Zone.Id
            + " (" + at.ToUniversalTime().ToString("HH:mm:ss", CultureInfo.InvariantCulture) + " UTC)";
    }

    private static string LocalIso(DateTimeOffset at, AuditMemo memo) =>
        TimeZoneInfo.ConvertTime(at, memo.Zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static string Describe(AuditEntry entry, AuditMemo memo)
    {
        var who = string.Join(", ", new[] { entry.SignatoryName, entry.SignatoryTitle }.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => PartnerText.Field(s)));
        var parts = new List<string> { $"{When(entry.At, memo)}: {Verb(entry.Action)}" };
        if (!string.IsNullOrWhiteSpace(entry.DisplayName))
        {
            parts.Add($"as “{PartnerText.Field(entry.DisplayName)}”");
        }

        if (who.Length > 0)
        {
            parts.Add("by " + who);
        }

        if (!string.IsNullOrWhiteSpace(entry.VersionHash))
        {
            parts[^1] += ",";
            parts.Add($"version {entry.VersionHash[..Math.Min(12, entry.VersionHash.Length)]}");
        }

        if (!string.IsNullOrWhiteSpace(entry.Actor))
        {
            parts[^1] += ",";
            parts.Add("recorded by " + PartnerText.Field(entry.Actor));
        }

        if (!string.IsNullOrWhiteSpace(entry.Via))
        {
            parts.Add("via " + PartnerText.Field(entry.Via));
        }

        var line = string.Join(" ", parts);
        return string.IsNullOrWhiteSpace(entry.Detail) ? line : $"{line} — {PartnerText.Field(entry.Detail)}";
    }

    private static string Verb(AuditAction action) => action switch
    {
        AuditAction.Signed => "signed",
        AuditAction.Reconfirmed => "reconfirmed",
        AuditAction.Changed => "changed",
        AuditAction.Withdrawn => "withdrew",
        AuditAction.Merged => "duplicate merged in",
        _ => "declined",
    };

    // Organisations that never signed have no certificate: a decline alone attests nothing.
    private static List<List<AuditEntry>> Threads(IReadOnlyList<AuditEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var compare = CultureInfo.InvariantCulture.CompareInfo;
        var signed = entries
            .GroupBy(e => PartnerText.OneLine(e.Organisation), StringComparer.Ordinal)
            .Where(g => g.Any(e => e.Action == AuditAction.Signed))
            .ToList();
        return CollationOrder.Sort(signed, compare, g => SortNames.Derive(g.Key), secondary: null, tie: g => g.Key)
            .Select(g => g.Count() > 1 ? g.OrderBy(e => e.At).ThenBy(e => e.Action).ToList() : g.ToList())
            .ToList();
    }
}
