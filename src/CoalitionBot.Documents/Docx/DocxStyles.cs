using DocumentFormat.OpenXml.Wordprocessing;

namespace CoalitionBot.Documents;

/// <summary>The styles and list definitions every generated document uses, so Word and LibreOffice show real headings and lists.</summary>
internal static class DocxStyles
{
    public static Styles Create() => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri", EastAsia = "Noto Sans CJK SC", ComplexScript = "Arial" },
                new FontSize { Val = "22" }, new FontSizeComplexScript { Val = "22" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120", Line = "264", LineRule = LineSpacingRuleValues.Auto }))),
        ParagraphStyle("Normal", "Normal", null, null, null, isDefault: true),
        ParagraphStyle("Title", "Title", "Normal", 0, 36),
        ParagraphStyle("Heading1", "heading 1", "Normal", 0, 30),
        ParagraphStyle("Heading2", "heading 2", "Normal", 1, 26),
        ParagraphStyle("Heading3", "heading 3", "Normal", 2, 23),
        ParagraphStyle("ListParagraph", "List Paragraph", "Normal", null, null),
        ParagraphStyle("Quote", "Quote", "Normal", null, null),
        ParagraphStyle("Small", "Small", "Normal", null, 18),
        new Style(
            new StyleName { Val = "Hyperlink" },
            new StyleRunProperties(new Color { Val = "0563C1" }, new Underline { Val = UnderlineValues.Single }))
        { Type = StyleValues.Character, StyleId = "Hyperlink" });

    public static Numbering Numbering(int bulletId, int decimalId, IEnumerable<NumberingInstance> instances)
    {
        var numbering = new Numbering(AbstractList(bulletId, bullet: true), AbstractList(decimalId, bullet: false));
        foreach (var instance in instances)
        {
            numbering.Append(instance);
        }

        return numbering;
    }

    private static Style ParagraphStyle(string id, string name, string? basedOn, int? outlineLevel, int? halfPoints, bool isDefault = false)
    {
        var style = new Style(new StyleName { Val = name }) { Type = StyleValues.Paragraph, StyleId = id };
        if (isDefault)
        {
            style.Default = true;
        }

        if (basedOn is not null)
        {
            style.Append(new BasedOn { Val = basedOn });
            style.Append(new NextParagraphStyle { Val = "Normal" });
        }

        style.Append(new PrimaryStyle());
        var paragraph = new StyleParagraphProperties();
        if (outlineLevel is not null || id == "Title")
        {
            paragraph.Append(new KeepNext());
            paragraph.Append(new SpacingBetweenLines { Before = "240", After = "120" });
        }

        if (id == "ListParagraph")
        {
            paragraph.Append(new ContextualSpacing());
        }

        if (id == "Quote")
        {
            paragraph.Append(new Indentation { Left = "720" });
        }

        if (outlineLevel is { } level)
        {
            paragraph.Append(new OutlineLevel { Val = level });
        }

        if (paragraph.HasChildren)
        {
            style.Append(paragraph);
        }

        var run = new StyleRunProperties();
        if (outlineLevel is not null || id == "Title")
        {
            run.Append(new Bold());
        }

        if (id == "Quote")
        {
            run.Append(new Italic());
        }

        if (halfPoints is { } size)
        {
            run.Append(new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }

        if (run.HasChildren)
        {
            style.Append(run);
        }

        return style;
    }

    private static AbstractNum AbstractList(int id, bool bullet)
    {
        var abstractNum = new AbstractNum(new MultiLevelType { Val = MultiLevelValues.HybridMultilevel }) { AbstractNumberId = id };
        string[] bullets = ["•", "◦", "▪"];
        for (var level = 0; level < 3; level++)
        {
            abstractNum.Append(new Level(
                new StartNumberingValue { Val = 1 },
                new NumberingFormat { Val = bullet ? NumberFormatValues.Bullet : level == 1 ? NumberFormatValues.LowerLetter : NumberFormatValues.Decimal },
                new LevelText { Val = bullet ? bullets[level] : $"%{level + 1}." },
                new LevelJustification { Val = LevelJustificationValues.Left },
                new PreviousParagraphProperties(new Indentation { Left = (720 * (level + 1)).ToString(System.Globalization.CultureInfo.InvariantCulture), Hanging = "360" }))
            { LevelIndex = level });
        }

        return abstractNum;
    }
}
