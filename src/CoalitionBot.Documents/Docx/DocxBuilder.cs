using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CoalitionBot.Documents;

/// <summary>
/// Writes a Word document from headings, paragraphs, list items and runs. Every string goes into a w:t element
/// through the SDK (so it is XML-escaped by construction) after characters XML cannot hold are removed. Each
/// paragraph is written to the document part as soon as it is made (<see cref="OpenXmlWriter"/>), so the body is
/// never held as one tree: a 50,000-name list kept hundreds of megabytes of elements alive, which every
/// collection during the build copied again, and its DOCX cost 20× what 5,000 names cost.
/// </summary>
internal sealed class DocxBuilder : IDisposable
{
    private const int BulletAbstractId = 1;
    private const int DecimalAbstractId = 2;
    private readonly MemoryStream stream = new();
    private readonly WordprocessingDocument document;
    private readonly MainDocumentPart main;
    private readonly OpenXmlWriter body;
    private readonly List<NumberingInstance> instances = [];
    private readonly Dictionary<string, int> listNumbers = new(StringComparer.Ordinal);
    private readonly PaperSize paper;

    public DocxBuilder(string title, PaperSize paper = PaperSize.A4)
    {
        this.paper = paper == PaperSize.ByCulture ? PaperSize.A4 : paper;
        document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document);
        document.PackageProperties.Title = XmlText.Clean(title);
        document.PackageProperties.Creator = "CoalitionBot";
        main = document.AddMainDocumentPart();
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = DocxStyles.Create();
        body = OpenXmlWriter.Create(main);
        body.WriteStartDocument();
        body.WriteStartElement(new Document());
        body.WriteStartElement(new Body());
    }

    public void Heading(int level, string text) => Heading(level, [new FlowRun(text)]);

    public void Heading(int level, IEnumerable<FlowRun> runs)
    {
        var style = level <= 0 ? "Title" : "Heading" + Math.Clamp(level, 1, 3);
        body.WriteElement(NewParagraph(new ParagraphProperties(new ParagraphStyleId { Val = style }), runs));
    }

    public void Paragraph(string text, string? style = null) => Paragraph([new FlowRun(text)], style);

    public void Paragraph(IEnumerable<FlowRun> runs, string? style = null, int indentLevel = 0)
    {
        var properties = new ParagraphProperties();
        if (style is not null)
        {
            properties.Append(new ParagraphStyleId { Val = style });
        }

        if (indentLevel > 0)
        {
            properties.Append(new Indentation { Left = (720 * indentLevel).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }

        body.WriteElement(NewParagraph(properties, runs));
    }

    /// <summary>A list item; items with the same <paramref name="listKey"/> share numbering, a new key restarts at 1.</summary>
    public void ListItem(IEnumerable<FlowRun> runs, bool ordered, int level, string listKey)
    {
        if (!listNumbers.TryGetValue(listKey, out var numId))
        {
            numId = instances.Count + 1;
            var instance = new NumberingInstance(new AbstractNumId { Val = ordered ? DecimalAbstractId : BulletAbstractId }) { NumberID = numId };
            if (ordered)
            {
                instance.Append(new LevelOverride(new StartOverrideNumberingValue { Val = 1 }) { LevelIndex = 0 });
            }

            instances.Add(instance);
            listNumbers[listKey] = numId;
        }

        var properties = new ParagraphProperties(
            new ParagraphStyleId { Val = "ListParagraph" },
            new NumberingProperties(new NumberingLevelReference { Val = Math.Clamp(level, 0, 2) }, new NumberingId { Val = numId }));
        body.WriteElement(NewParagraph(properties, runs));
    }

    public void PageBreak() => body.WriteElement(new Paragraph(new Run(new Break { Type = BreakValues.Page })));

    public byte[] Finish()
    {
        if (instances.Count > 0)
        {
            var numbering = main.AddNewPart<NumberingDefinitionsPart>();
            numbering.Numbering = DocxStyles.Numbering(BulletAbstractId, DecimalAbstractId, instances);
        }

        body.WriteElement(new SectionProperties(
            new PageSize { Width = PaperSizes.Twips(paper).Width, Height = PaperSizes.Twips(paper).Height },
            new PageMargin { Top = 1440, Right = 1440U, Bottom = 1440, Left = 1440U, Header = 708U, Footer = 708U, Gutter = 0U }));
        body.WriteEndElement();
        body.WriteEndElement();
        body.Close();
        document.Dispose();
        return stream.ToArray();
    }

    public void Dispose()
    {
        body.Dispose();
        document.Dispose();
        stream.Dispose();
    }

    private Paragraph NewParagraph(ParagraphProperties properties, IEnumerable<FlowRun> runs)
    {
        var paragraph = new Paragraph();
        if (properties.HasChildren)
        {
            paragraph.Append(properties);
        }

        foreach (var run in runs)
        {
            paragraph.Append(RunFor(run));
        }

        return paragraph;
    }

    private OpenXmlElement RunFor(FlowRun run)
    {
        var properties = new RunProperties();
        if (run.Url is not null)
        {
            properties.Append(new RunStyle { Val = "Hyperlink" });
        }

        if (run.Code)
        {
            properties.Append(new RunFonts { Ascii = "Courier New", HighAnsi = "Courier New" });
        }

        if (run.Bold)
        {
            properties.Append(new Bold());
        }

        if (run.Italic)
        {
            properties.Append(new Italic());
        }

        var element = new Run();
        if (properties.HasChildren)
        {
            element.Append(properties);
        }

        var clean = XmlText.Clean(run.Text);
        var lines = clean.Contains('\n', StringComparison.Ordinal) ? clean.Split('\n') : [clean];
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                element.Append(new Break());
            }

            element.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }

        if (run.Url is { } url && SafeLinks.IsAllowed(url) && Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            var relationship = main.AddHyperlinkRelationship(uri, isExternal: true);
            return new Hyperlink(element) { Id = relationship.Id, History = OnOffValue.FromBoolean(true) };
        }

        return element;
    }
}
