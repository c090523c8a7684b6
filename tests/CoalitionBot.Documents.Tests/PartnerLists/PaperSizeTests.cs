using CoalitionBot.Documents.Tests.Some;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CoalitionBot.Documents.Tests.PartnerLists;

public sealed class PaperSizeTests
{
    [Theory]
    [InlineData("en-US", PaperSize.Letter)]
    [InlineData("en-CA", PaperSize.Letter)]
    [InlineData("es-MX", PaperSize.Letter)]
    [InlineData("en-GB", PaperSize.A4)]
    [InlineData("de-DE", PaperSize.A4)]
    [InlineData("es-ES", PaperSize.A4)]
    [InlineData("fr", PaperSize.A4)]
    [InlineData("no-such-culture", PaperSize.A4)]
    public void Resolve_ByCulture_LetterWhereItIsUsed(string culture, PaperSize expected) =>
        Assert.Equal(expected, PaperSizes.Resolve(PaperSize.ByCulture, culture));

    [Theory]
    [InlineData("en-US", PaperSize.ByCulture, 12240)]
    [InlineData("en-GB", PaperSize.ByCulture, 11906)]
    [InlineData("en-US", PaperSize.A4, 11906)]
    [InlineData("en-GB", PaperSize.Letter, 12240)]
    public void ToDocx_PageWidth_FollowsTheCultureUnlessOverridden(string culture, PaperSize paper, int twips)
    {
        var request = SampleSignatories.Request(culture: culture) with { Paper = paper };
        var docx = PartnerListExport.ToDocx(PartnerListBuilder.Build(request));

        Assert.Equal((uint)twips, PageWidth(docx));
        Assert.Empty(DocxText.ValidationErrors(docx));
    }

    [Fact]
    public void AuditCertificate_ForAUsCoalition_IsLetter() =>
        Assert.Equal(12240U, PageWidth(AuditCertificate.ToDocx("Memo", [], "en-US")));

    private static uint PageWidth(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var document = WordprocessingDocument.Open(stream, false);
        return document.MainDocumentPart!.Document.Body!.Elements<SectionProperties>().Last().GetFirstChild<PageSize>()!.Width!.Value;
    }
}
