using CoalitionBot.Documents.Tests.Audit;
using CoalitionBot.Documents.Tests.Some;

namespace CoalitionBot.Documents.Tests.PartnerLists;

public sealed class DocxExportTests
{
    internal static byte[] SampleDocx() => PartnerListExport.ToDocx(
        PartnerListBuilder.Build(SampleSignatories.Request()),
        MemoDocument.Parse(SampleMemo.Markdown),
        AuditCertificateTests.SampleAudit());

    [Fact]
    public void ToDocx_Sample_PassesOpenXmlValidator() =>
        Assert.Empty(DocxText.ValidationErrors(SampleDocx()));

    [Fact]
    public void ToDocx_Sample_TitleMemoThenSignatoriesThenAudit()
    {
        var paragraphs = DocxText.Paragraphs(SampleDocx());
        var texts = paragraphs.Select(p => p.Text).ToList();
        int At(string text) => texts.FindIndex(t => t.StartsWith(text, StringComparison.Ordinal));

        Assert.Equal(("Title", SampleMemo.Title), paragraphs[0]);
        Assert.Equal("To: " + SampleMemo.Addressee, texts[1]);
        Assert.True(texts.IndexOf("Memo to the Secretary of State") > 1);
        Assert.True(At("Purpose") < At("Background"));
        Assert.True(At("Conclusion") < At("Signatories (150)"));
        Assert.True(At("Signatories (150)") < At("International organisations"));
        Assert.True(At("International organisations") < At("National organisations"));
        Assert.True(At("Local and community organisations") < At("Academic institutions"));
        Assert.True(At("Academic institutions") < At("Other organisations"));
        Assert.True(At("Other organisations") < At("Audit certificate"));
        Assert.Contains("=HYPERLINK(\"http://x\",\"y\") (Unknown)", texts);
        Assert.Contains("<script>alert(1)</script> Foundation (Unknown)", texts);
        Assert.Contains(paragraphs, p => p.Style == "ListParagraph" && p.Text.StartsWith("Require that every vetting decision", StringComparison.Ordinal));
        Assert.Contains(paragraphs, p => p.Style == "Heading2" && p.Text == "Purpose");
    }

    [Fact]
    public void ToDocx_Sample_ListOrderMatchesPlainText()
    {
        var list = PartnerListBuilder.Build(SampleSignatories.Request());
        var expected = list.Groups.SelectMany(g => g.Entries).Select(e => e.Label(true) + e.Marks).ToList();
        var texts = DocxText.Paragraphs(PartnerListExport.ToDocx(list)).Select(p => p.Text).ToList();

        Assert.Equal(expected, texts.Where(expected.Contains).ToList());
    }

    [Fact]
    public void ToDocx_ControlCharactersInNames_StillValid()
    {
        var list = PartnerListBuilder.Build(new PartnerListRequest("Memo\u0001", "A\u0000", new DateOnly(2026, 1, 1), [], "en-GB",
            [new Signatory("Bad\u0007Name\uFFFE", null, null, null, false, false, null, null, DateTimeOffset.UnixEpoch, "h")]));

        Assert.Empty(DocxText.ValidationErrors(PartnerListExport.ToDocx(list)));
    }

    [Fact]
    public void MemoDocx_Sample_PassesValidatorAndKeepsLinks()
    {
        var docx = MemoDocx.ToDocx(MemoDocument.Parse(SampleMemo.Markdown), SampleMemo.Title);

        Assert.Empty(DocxText.ValidationErrors(docx));
        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(docx), false);
        Assert.Contains(document.MainDocumentPart!.HyperlinkRelationships, r => r.Uri.ToString() == "mailto:coalition@example.org");
    }
}
