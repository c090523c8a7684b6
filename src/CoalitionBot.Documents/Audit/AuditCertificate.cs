using System.Globalization;

namespace CoalitionBot.Documents;

/// <summary>
/// The audit certificate: for every organisation that signed, who signed with what title, when, for which version,
/// the attestation accepted, and everything that happened to that sign-on afterwards.
/// </summary>
public static class AuditCertificate
{
    /// <summary>The certificate as its own Word document.</summary>
    public static byte[] ToDocx(string memoTitle, IReadOnlyList<AuditEntry> entries, string? cultureName = null, PaperSize paper = PaperSize.ByCulture)
    {
        using var builder = new DocxBuilder("Audit certificate: " + memoTitle, PaperSizes.Resolve(paper, cultureName));
        Append(builder, memoTitle, entries);
        return builder.Finish();
    }

    /// <summary>CSV, one row per event of every organisation that signed, by organisation then time.</summary>
    public static string ToCsv(IReadOnlyList<AuditEntry> entries) =>
        CsvText.Write(
            1024 + (256 * entries.Count),
            ["organisation", "action", "at_utc", "signatory_name", "signatory_title", "version_hash", "attestation", "detail", "actor", "via"],
            Threads(entries).SelectMany(t => t).Select(e => (IReadOnlyList<string?>)
            [
                PartnerText.OneLine(e.Organisation), e.Action.ToString().ToLowerInvariant(), CsvText.Time(e.At), e.SignatoryName,
                e.SignatoryTitle, e.VersionHash, e.Attestation, e.Detail, e.Actor, e.Via,
            ]));

    internal static void Append(DocxBuilder builder, string memoTitle, IReadOnlyList<AuditEntry> entries)
    {
        builder.Heading(1, "Audit certificate");
        builder.Paragraph("Memo: " + PartnerText.OneLine(memoTitle));
        builder.Paragraph("For each organisation that signed: who signed, with what title, when (UTC), for which version of the text, the attestation they accepted, and every later change or withdrawal.", "Small");
        foreach (var thread in Threads(entries))
        {
            builder.Heading(2, PartnerText.OneLine(thread[0].Organisation));
            foreach (var entry in thread)
            {
                builder.ListItem([new FlowRun(Describe(entry))], ordered: false, level: 0, listKey: "audit-" + thread[0].Organisation);
                if (!string.IsNullOrWhiteSpace(entry.Attestation))
                {
                    builder.Paragraph([new FlowRun("Attestation: ", Bold: true), new FlowRun(PartnerText.OneLine(entry.Attestation), Italic: true)], indentLevel: 1);
                }
            }
        }
    }

    private static string Describe(AuditEntry entry)
    {
        var when = CsvText.Time(entry.At).Replace('T', ' ').Replace("Z", " UTC", StringComparison.Ordinal);
        var who = string.Join(", ", new[] { entry.SignatoryName, entry.SignatoryTitle }.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => PartnerText.OneLine(s)));
        var parts = new List<string> { $"{when}: {Verb(entry.Action)}" };
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
            parts.Add("recorded by " + PartnerText.OneLine(entry.Actor));
        }

        if (!string.IsNullOrWhiteSpace(entry.Via))
        {
            parts.Add("via " + PartnerText.OneLine(entry.Via));
        }

        var line = string.Join(" ", parts);
        return string.IsNullOrWhiteSpace(entry.Detail) ? line : $"{line} — {PartnerText.OneLine(entry.Detail)}";
    }

    private static string Verb(AuditAction action) => action switch
    {
        AuditAction.Signed => "signed",
        AuditAction.Reconfirmed => "reconfirmed",
        AuditAction.Changed => "changed",
        AuditAction.Withdrawn => "withdrew",
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
