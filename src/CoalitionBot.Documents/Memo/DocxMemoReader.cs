using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CoalitionBot.Documents;

/// <summary>Reads a .docx body into Markdown, collecting a warning for everything it cannot represent.</summary>
/// <remarks>Over 300 lines: one walk over WordprocessingML's element kinds, each a short case; the limits live in <see cref="DocxLimits"/>.</remarks>
internal sealed class DocxMemoReader
{
    private readonly MainDocumentPart main;
    private readonly List<string> warnings = [];
    private readonly StringBuilder markdown = new();
    private readonly Dictionary<string, int> warningCounts = new(StringComparer.Ordinal);
    private readonly List<int> listIndents = [];
    private bool lastWasListItem;
    private int lastListId;
    private int paragraphIndex;

    private DocxMemoReader(MainDocumentPart main) => this.main = main;

    public static (string Markdown, IReadOnlyList<string> Warnings) Read(Stream docx)
    {
        DocxLimits.Check(docx);
        docx.Position = 0;
        WordprocessingDocument document;
        try
        {
            document = WordprocessingDocument.Open(docx, isEditable: false);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException)
        {
            throw new MemoImportException("The file is not a Word document (.docx); save it as .docx and upload it again.", e);
        }

        using (document)
        {
            var main = document.MainDocumentPart ?? throw new MemoImportException("The Word document has no body text.");
            var reader = new DocxMemoReader(main);
            try
            {
                reader.ReadBody(main.Document?.Body);
                reader.ReadSideParts();
            }
            catch (Exception e) when (e is System.Xml.XmlException or InvalidDataException or OpenXmlPackageException)
            {
                throw new MemoImportException("The Word file is damaged; save it again as .docx and upload it.", e);
            }

            return (reader.markdown.ToString().TrimEnd() + "\n", reader.Summarise());
        }
    }

    private void ReadBody(OpenXmlElement? body)
    {
        foreach (var element in body?.ChildElements ?? Enumerable.Empty<OpenXmlElement>())
        {
            switch (element)
            {
                case Paragraph paragraph:
                    ReadParagraph(paragraph);
                    break;
                case Table table:
                    Warn("table", $"A table ({table.Elements<TableRow>().Count()} rows) after paragraph {paragraphIndex} was not imported; retype it as a list or link to it.");
                    break;
                case SdtBlock sdt:
                    ReadBody(sdt.SdtContentBlock);
                    break;
                case SectionProperties or BookmarkStart or BookmarkEnd or ProofError:
                    break;
                default:
                    Warn("element:" + element.LocalName, $"Unsupported Word content <{element.LocalName}> after paragraph {paragraphIndex} was not imported.");
                    break;
            }
        }
    }

    private void ReadParagraph(Paragraph paragraph)
    {
        paragraphIndex++;
        var segments = new List<FlowRun>();
        ReadInlines(paragraph, segments, null);
        var text = DocxInlineMarkdown.Write(segments);
        if (text.Trim().Length == 0)
        {
            return;
        }

        var styleName = StyleName(paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value);
        var headingLevel = HeadingLevel(styleName);
        var list = ListInfo(paragraph, styleName);
        if (headingLevel > 0)
        {
            StartBlock(false);
            markdown.Append(new string('#', headingLevel)).Append(' ').Append(text.Trim());
        }
        else if (list is { } item)
        {
            // A different top-level list (another numbering, or bullets after numbers) starts a new Markdown list.
            if (item.Level == 0 && item.ListId != lastListId)
            {
                lastWasListItem = false;
            }

            lastListId = item.ListId;
            StartBlock(true);
            while (listIndents.Count > item.Level + 1)
            {
                listIndents.RemoveAt(listIndents.Count - 1);
            }

            var marker = item.Ordered ? "1. " : "- ";
            var indent = listIndents.Take(item.Level).Sum();
            while (listIndents.Count <= item.Level)
            {
                listIndents.Add(0);
            }

            listIndents[item.Level] = marker.Length;
            markdown.Append(' ', indent).Append(marker).Append(text.Trim());
        }
        else
        {
            StartBlock(false);
            markdown.Append(MarkdownEscape.EscapeLineStart(text.Trim()));
        }
    }

    private void StartBlock(bool listItem)
    {
        if (markdown.Length > 0)
        {
            markdown.Append(listItem && lastWasListItem ? "\n" : "\n\n");
        }

        if (!listItem)
        {
            listIndents.Clear();
        }

        lastWasListItem = listItem;
    }

    private void ReadInlines(OpenXmlElement parent, List<FlowRun> segments, string? url)
    {
        foreach (var element in parent.ChildElements)
        {
            switch (element)
            {
                case Run run:
                    ReadRun(run, segments, url);
                    break;
                case Hyperlink hyperlink:
                    ReadInlines(hyperlink, segments, HyperlinkUrl(hyperlink));
                    break;
                case InsertedRun or SimpleField or SdtRun or SdtContentRun or CustomXmlRun:
                    if (element is InsertedRun)
                    {
                        Warn("tracked", "The document has tracked changes; insertions were imported as plain text and deletions left out. Accept or reject them in Word to be sure.");
                    }

                    ReadInlines(element, segments, url);
                    break;
                case DeletedRun:
                    Warn("tracked", "The document has tracked changes; insertions were imported as plain text and deletions left out. Accept or reject them in Word to be sure.");
                    break;
                case ParagraphProperties or BookmarkStart or BookmarkEnd or ProofError or CommentRangeStart or CommentRangeEnd:
                    break;
                case DocumentFormat.OpenXml.Math.Paragraph or DocumentFormat.OpenXml.Math.OfficeMath:
                    Warn("math", $"An equation in paragraph {paragraphIndex} was not imported.");
                    break;
                default:
                    Warn("inline:" + element.LocalName, $"Unsupported Word content <{element.LocalName}> in paragraph {paragraphIndex} was not imported.");
                    break;
            }
        }
    }

    private void ReadRun(Run run, List<FlowRun> segments, string? url)
    {
        var properties = run.RunProperties;
        var bold = IsOn(properties?.Bold);
        var italic = IsOn(properties?.Italic);
        foreach (var child in run.ChildElements)
        {
            switch (child)
            {
                case Text text:
                    segments.Add(new FlowRun(text.Text, bold, italic, url));
                    break;
                case TabChar or Break or CarriageReturn:
                    segments.Add(new FlowRun(" ", bold, italic, url));
                    break;
                case NoBreakHyphen:
                    segments.Add(new FlowRun("-", bold, italic, url));
                    break;
                case Drawing or Picture or EmbeddedObject:
                    Warn("image", $"An image or embedded object in paragraph {paragraphIndex} was not imported; attach it separately or link to it.");
                    break;
                case AlternateContent:
                    Warn("textbox", $"A text box or drawing in paragraph {paragraphIndex} was not imported.");
                    break;
                case FootnoteReference or EndnoteReference:
                    Warn("note", $"A footnote or endnote in paragraph {paragraphIndex} was not imported; put its text in the body or as a link.");
                    break;
                case SymbolChar:
                    Warn("symbol", $"A symbol character in paragraph {paragraphIndex} was not imported.");
                    break;
                case RunProperties or LastRenderedPageBreak or FieldChar or FieldCode or CommentReference or SoftHyphen:
                    break;
                default:
                    Warn("run:" + child.LocalName, $"Unsupported Word content <{child.LocalName}> in paragraph {paragraphIndex} was not imported.");
                    break;
            }
        }
    }

    private string? HyperlinkUrl(Hyperlink hyperlink)
    {
        if (hyperlink.Id?.Value is not { } id)
        {
            return null;
        }

        var uri = main.HyperlinkRelationships.FirstOrDefault(r => r.Id == id)?.Uri;
        var url = uri?.OriginalString;
        if (url is not null && SafeLinks.IsAllowed(url))
        {
            return url;
        }

        Warn("link", $"A link in paragraph {paragraphIndex} ({url ?? "no address"}) is not http, https or mailto and was imported as plain text.");
        return null;
    }

    private static bool IsOn(OnOffType? value) => value is not null && (value.Val is null || value.Val.Value);

    private string? StyleName(string? styleId)
    {
        if (styleId is null)
        {
            return null;
        }

        var style = main.StyleDefinitionsPart?.Styles?.Elements<Style>().FirstOrDefault(s => s.StyleId?.Value == styleId);
        return style?.StyleName?.Val?.Value ?? styleId;
    }

    private static int HeadingLevel(string? styleName)
    {
        if (styleName is null)
        {
            return 0;
        }

        var compact = styleName.Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
        if (compact == "title")
        {
            return 1;
        }

        return compact.StartsWith("heading", StringComparison.Ordinal) && compact.Length == 8 && compact[7] is >= '1' and <= '6'
            ? compact[7] - '0'
            : 0;
    }

    private (bool Ordered, int Level, int ListId)? ListInfo(Paragraph paragraph, string? styleName)
    {
        var numbering = paragraph.ParagraphProperties?.NumberingProperties;
        var level = numbering?.NumberingLevelReference?.Val?.Value ?? 0;
        if (numbering?.NumberingId?.Val?.Value is { } numId && numId != 0)
        {
            return (!IsBullet(numId, level), Math.Min(level, 5), numId);
        }

        var compact = styleName?.Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
        return compact switch
        {
            _ when compact?.StartsWith("listbullet", StringComparison.Ordinal) == true => (false, 0, -1),
            _ when compact?.StartsWith("listnumber", StringComparison.Ordinal) == true => (true, 0, -2),
            _ => null,
        };
    }

    private bool IsBullet(int numId, int level)
    {
        var numbering = main.NumberingDefinitionsPart?.Numbering;
        var instance = numbering?.Elements<NumberingInstance>().FirstOrDefault(n => n.NumberID?.Value == numId);
        var abstractId = instance?.AbstractNumId?.Val?.Value;
        var abstractNum = numbering?.Elements<AbstractNum>().FirstOrDefault(a => a.AbstractNumberId?.Value == abstractId);
        var format = abstractNum?.Elements<Level>().FirstOrDefault(l => l.LevelIndex?.Value == level)?.NumberingFormat?.Val;
        return format is null || format.Value == NumberFormatValues.Bullet;
    }

    private void ReadSideParts()
    {
        var comments = main.WordprocessingCommentsPart?.Comments?.Elements<Comment>().Count() ?? 0;
        if (comments > 0)
        {
            Warn("comments", $"{Counted.Of(comments, "Word comment")} {(comments == 1 ? "was" : "were")} not imported; post them as comments on the memo instead.");
        }

        if (main.HeaderParts.Concat<OpenXmlPart>(main.FooterParts).Any(p => p.RootElement?.InnerText.Trim().Length > 0))
        {
            Warn("headers", "Page headers and footers were not imported.");
        }
    }

    private void Warn(string key, string message)
    {
        if (warningCounts.TryGetValue(key, out var count))
        {
            warningCounts[key] = count + 1;
            return;
        }

        warningCounts[key] = 1;
        warnings.Add(key + "\u0000" + message);
    }

    private List<string> Summarise() =>
        warnings.Select(w =>
        {
            var parts = w.Split('\u0000');
            var more = warningCounts[parts[0]] - 1;
            return more > 0 ? $"{parts[1]} ({more} more like this.)" : parts[1];
        }).ToList();
}
