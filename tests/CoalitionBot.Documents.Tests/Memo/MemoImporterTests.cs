using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CoalitionBot.Documents.Tests.Memo;

public sealed class MemoImporterTests
{
    [Fact]
    public void FromMarkdownFile_WithBom_StripsBomAndNormalisesLineEndings()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("# Título\r\n\r\nTexto ñ.")).ToArray();

        var import = MemoImporter.FromMarkdownFile(bytes);

        Assert.Equal("# Título\n\nTexto ñ.", import.Markdown);
        Assert.Empty(import.Warnings);
    }

    [Fact]
    public void FromMarkdownFile_WithoutBom_Reads() =>
        Assert.Equal("é", MemoImporter.FromMarkdownFile(Encoding.UTF8.GetBytes("é")).Markdown);

    [Fact]
    public void FromMarkdownFile_Latin1_IsRefusedWithMessage()
    {
        var error = Assert.Throws<MemoImportException>(() => MemoImporter.FromMarkdownFile(new byte[] { 0x43, 0x61, 0x66, 0xE9 }));

        Assert.Contains("UTF-8", error.Message);
    }

    [Fact]
    public void FromMarkdown_Over200KB_IsRefusedWithMessage()
    {
        var error = Assert.Throws<MemoImportException>(() => MemoImporter.FromMarkdown(new string('a', 200 * 1024 + 1)));

        Assert.Contains("limit is 200 KB", error.Message);
    }

    [Fact]
    public void FromMarkdown_Exactly200KB_IsAccepted() =>
        Assert.Equal(200 * 1024, MemoImporter.FromMarkdown(new string('a', 200 * 1024)).Markdown.Length);

    [Fact]
    public void FromMarkdown_HtmlTags_AreWarnedAbout() =>
        Assert.Single(MemoImporter.FromMarkdown("Hi <b>there</b>").Warnings);

    [Fact]
    public void FromDocx_HeadingsListsEmphasisLinks_BecomeMarkdown()
    {
        var docx = TestDocx.Build((main, body) =>
        {
            body.Append(TestDocx.Para("Heading1", new Run(new Text("Purpose"))));
            body.Append(TestDocx.Para(null,
                new Run(new Text("We urge ") { Space = SpaceProcessingModeValues.Preserve }),
                new Run(new RunProperties(new Bold()), new Text("action")),
                new Run(new Text(" on ") { Space = SpaceProcessingModeValues.Preserve }),
                new Run(new RunProperties(new Italic()), new Text("aid")),
                new Run(new Text(", see ") { Space = SpaceProcessingModeValues.Preserve }),
                TestDocx.Link(main, "https://example.org/report", "the report"),
                new Run(new Text(". Costs 5*3 [draft]."))));
            body.Append(TestDocx.ListPara(1, 0, "first bullet"));
            body.Append(TestDocx.ListPara(1, 1, "nested bullet"));
            body.Append(TestDocx.ListPara(2, 0, "first step"));
            body.Append(TestDocx.ListPara(2, 0, "second step"));
        });

        var import = MemoImporter.FromDocx(new MemoryStream(docx));

        Assert.Equal(
            "# Purpose\n\nWe urge **action** on *aid*, see [the report](<https://example.org/report>). Costs 5\\*3 \\[draft\\].\n\n" +
            "- first bullet\n  - nested bullet\n\n1. first step\n1. second step\n",
            import.Markdown);
        Assert.Empty(import.Warnings);
    }

    [Fact]
    public void FromDocx_ImagesTablesComments_AreReportedNotDropped()
    {
        var docx = TestDocx.Build((main, body) =>
        {
            body.Append(TestDocx.Para(null, new Run(new Text("Before"))));
            body.Append(TestDocx.Para(null, new Run(new Drawing()), new Run(new Text("Caption"))));
            body.Append(new Table(new TableRow(new TableCell(TestDocx.Para(null, new Run(new Text("cell")))))));
            body.Append(TestDocx.Para(null, new Run(new Text("Note")), new Run(new FootnoteReference { Id = 1 })));
            body.Append(TestDocx.Para(null, TestDocx.Link(main, "javascript:alert(1)", "bad link")));
            var comments = main.AddNewPart<WordprocessingCommentsPart>();
            comments.Comments = new DocumentFormat.OpenXml.Wordprocessing.Comments(new Comment(TestDocx.Para(null, new Run(new Text("c")))) { Id = "0", Author = "A" });
        });

        var import = MemoImporter.FromDocx(new MemoryStream(docx));

        Assert.Contains(import.Warnings, w => w.Contains("image", StringComparison.Ordinal) && w.Contains("paragraph 2", StringComparison.Ordinal));
        Assert.Contains(import.Warnings, w => w.Contains("table", StringComparison.Ordinal));
        Assert.Contains(import.Warnings, w => w.Contains("footnote", StringComparison.Ordinal));
        Assert.Contains(import.Warnings, w => w.Contains("not http, https or mailto", StringComparison.Ordinal));
        Assert.Contains(import.Warnings, w => w.Contains("comment", StringComparison.Ordinal));
        Assert.Contains("Caption", import.Markdown);
        Assert.DoesNotContain("javascript", import.Markdown);
    }

    [Fact]
    public void FromDocx_NotAWordFile_IsRefusedWithMessage()
    {
        var error = Assert.Throws<MemoImportException>(() => MemoImporter.FromDocx(new MemoryStream(Encoding.UTF8.GetBytes("plain text"))));

        Assert.Contains(".docx", error.Message);
    }

    [Fact]
    public void FromDocx_OwnExport_RoundTripsHeadingsAndLists()
    {
        var memo = MemoDocument.Parse("# Title\n\nText with **bold**.\n\n- one\n- two\n");

        var import = MemoImporter.FromDocx(new MemoryStream(MemoDocx.ToDocx(memo, "Memo")));

        Assert.Equal("# Memo\n\n# Title\n\nText with **bold**.\n\n- one\n- two\n", import.Markdown);
    }
}
