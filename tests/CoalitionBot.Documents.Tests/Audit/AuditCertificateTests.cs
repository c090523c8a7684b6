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
}
