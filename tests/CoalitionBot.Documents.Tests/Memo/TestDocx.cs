using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CoalitionBot.Documents.Tests.Memo;

/// <summary>Builds small Word documents the way Word writes them, for import tests.</summary>
internal static class TestDocx
{
    public static byte[] Build(Action<MainDocumentPart, Body> fill)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new Styles(new Style(new StyleName { Val = "heading 1" }) { Type = StyleValues.Paragraph, StyleId = "Heading1" });
            var numbering = main.AddNewPart<NumberingDefinitionsPart>();
            numbering.Numbering = new Numbering(
                Abstract(10, NumberFormatValues.Bullet),
                Abstract(20, NumberFormatValues.Decimal),
                new NumberingInstance(new AbstractNumId { Val = 10 }) { NumberID = 1 },
                new NumberingInstance(new AbstractNumId { Val = 20 }) { NumberID = 2 });
            fill(main, body);
        }

        return stream.ToArray();
    }

    public static Paragraph Para(string? style, params OpenXmlElement[] content)
    {
        var paragraph = new Paragraph();
        if (style is not null)
        {
            paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        }

        paragraph.Append(content);
        return paragraph;
    }

    public static Paragraph ListPara(int numId, int level, string text) => new(
        new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = level }, new NumberingId { Val = numId })),
        new Run(new Text(text)));

    public static Hyperlink Link(MainDocumentPart main, string url, string text)
    {
        var relationship = main.AddHyperlinkRelationship(new Uri(url, UriKind.Absolute), true);
        return new Hyperlink(new Run(new Text(text))) { Id = relationship.Id };
    }

    private static AbstractNum Abstract(int id, NumberFormatValues format)
    {
        var abstractNum = new AbstractNum { AbstractNumberId = id };
        for (var level = 0; level < 3; level++)
        {
            abstractNum.Append(new Level(new NumberingFormat { Val = format }, new LevelText { Val = "x" }) { LevelIndex = level });
        }

        return abstractNum;
    }
}
