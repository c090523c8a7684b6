using CoalitionBot.Documents.Tests.Some;

namespace CoalitionBot.Documents.Tests.Audit;

public sealed class AuditCertificateTests
{
    private const string Attestation = "I confirm that I am authorised to sign on behalf of my organisation.";

    internal static IReadOnlyList<AuditEntry> SampleAudit()
    {
        var entries = new List<AuditEntry>();
        foreach (var (s, i) in SampleSignatories.All().Take(12).Select((s, i) => (s, i)))
        {
            entries.Add(new AuditEntry(s.DisplayName, AuditAction.Signed, s.SignedAt, s.SignatoryName, s.SignatoryTitle, s.VersionHash, Attestation, null));
        }

        var t = new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
        entries.Add(new AuditEntry("ACLU", AuditAction.Changed, t, "Signer 004", "Executive Director", null, null, "display name changed from \"ACLU\" to \"American Civil Liberties Union\"", "Coordinator Kim"));
        entries.Add(new AuditEntry("The Carter Center", AuditAction.Withdrawn, t.AddHours(1), "Signer 002", "Executive Director", null, null, "Board asked us to withdraw"));
        entries.Add(new AuditEntry("Ñandutí Derechos Humanos", AuditAction.Reconfirmed, t.AddHours(2), "Signer 006", "Executive Director", SampleSignatories.Version2, Attestation, null));
        entries.Add(new AuditEntry("Never Signed Org", AuditAction.Declined, t, "Someone", "Director", null, null, "Not our issue"));
        return entries;
    }

    [Fact]
    public void ToCsv_Sample_MatchesGolden() =>
        Golden.AssertMatches("audit.csv", AuditCertificate.ToCsv(SampleAudit()));

    [Fact]
    public void ToCsvUtf8_TheDownloadsBytes_AreTheGoldenCsvInUtf8WithoutAByteOrderMark()
    {
        var memo = new AuditMemo(string.Empty);
        var bytes = AuditCertificate.ToCsvUtf8(memo, SampleAudit());
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(AuditCertificate.ToCsv(memo, SampleAudit())), bytes);
        Assert.NotEqual(0xEF, bytes[0]);
        Golden.AssertMatches("audit.csv", System.Text.Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void ToCsv_DeclineOnly_IsNotCertified() =>
        Assert.DoesNotContain("Never Signed Org", AuditCertificate.ToCsv(SampleAudit()));

    [Fact]
    public void ToDocx_Sample_ValidAndShowsLaterChanges()
    {
        var docx = AuditCertificate.ToDocx(SampleMemo.Title, SampleAudit());

        Assert.Empty(DocxText.ValidationErrors(docx));
        var texts = DocxText.Paragraphs(docx).Select(p => p.Text).ToList();
        var carter = texts.IndexOf("The Carter Center");
        Assert.True(carter >= 0);
        Assert.StartsWith("2026-11-02 15:14:00 UTC: signed by Signer 002, Executive Director, version 9f8e7d6c5b4a", texts[carter + 1]);
        Assert.Equal("Attestation: " + Attestation, texts[carter + 2]);
        Assert.StartsWith("2026-11-25 11:00:00 UTC: withdrew", texts[carter + 3]);
        Assert.Contains("Board asked us to withdraw", texts[carter + 3]);
    }

    [Fact]
    public void ToCsv_MemoInItsZoneAndFinal_GivesBothTimesThePrintedNameAndTheHash()
    {
        var at = new DateTimeOffset(2026, 11, 2, 14, 5, 0, TimeSpan.Zero);
        var memo = new AuditMemo("Memo", "Europe/Berlin", new string('a', 64), at.AddDays(20), "Cora Coordinator (web channel)");
        var csv = AuditCertificate.ToCsv(memo, [
            new AuditEntry("The Human Rights Advocates", AuditAction.Signed, at, "Amira Haddad", "Director", "abc", Attestation, null, "Amira Haddad (Slack)", DisplayName: "HRA"),
        ]);

        var lines = csv.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Equal("organisation,printed_name,action,at_utc,at_memo_zone,signatory_name,signatory_title,version_hash,attestation,detail,actor,via", lines[0]);
        Assert.StartsWith("The Human Rights Advocates,HRA,signed,2026-11-02T14:05:00Z,2026-11-02T15:05:00+01:00,Amira Haddad,Director,", lines[1]);
        Assert.Equal(",,finalised,2026-11-22T14:05:00Z,2026-11-22T15:05:00+01:00,,,,,final list hash " + new string('a', 64) + ",Cora Coordinator (web channel),", lines[2]);
    }

    [Fact]
    public void ToDocx_MemoInItsZone_ShowsLocalTimeWithUtcThePrintedNameTheHashAndMerges()
    {
        var at = new DateTimeOffset(2026, 11, 2, 14, 5, 0, TimeSpan.Zero);
        var memo = new AuditMemo("Memo", "America/New_York", new string('b', 64), at.AddDays(1), "Cora Coordinator (Teams)");
        var docx = AuditCertificate.ToDocx(memo, [
            new AuditEntry("Éxodo", AuditAction.Signed, at, "Ana", "Directora", null, null, null, "Ana (Slack)", DisplayName: "Éxodo A.C."),
            new AuditEntry("Éxodo", AuditAction.Merged, at.AddHours(1), null, null, null, null, "“Exodo” was a duplicate", "Cora Coordinator (Teams)"),
        ]);

        Assert.Empty(DocxText.ValidationErrors(docx));
        var texts = DocxText.Paragraphs(docx).Select(p => p.Text).ToList();
        Assert.Contains("The list was made final on 2026-11-03 09:05:00 America/New_York (14:05:00 UTC) by Cora Coordinator (Teams). Its SHA-256 fingerprint: " + new string('b', 64), texts);
        Assert.Contains("2026-11-02 09:05:00 America/New_York (14:05:00 UTC): signed as “Éxodo A.C.” by Ana, Directora, recorded by Ana (Slack)", texts);
        Assert.Contains("2026-11-02 10:05:00 America/New_York (15:05:00 UTC): duplicate merged in, recorded by Cora Coordinator (Teams) — “Exodo” was a duplicate", texts);
    }
}
