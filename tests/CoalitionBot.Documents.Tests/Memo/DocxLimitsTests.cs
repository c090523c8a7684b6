using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CoalitionBot.Documents.Tests.Memo;

/// <summary>Issue #12: a hostile .docx is refused before parsing, naming the limit it broke.</summary>
public sealed class DocxLimitsTests
{
    private const string Open = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>""";
    private const string Close = "</w:body></w:document>";

    [Fact]
    public void FromDocx_ExpandsPastTheLimit_RefusedNamingTheLimit()
    {
        // A few hundred KB that inflate past 50 MB: the zip-bomb shape of the issue.
        var bomb = WithDocumentXml(Valid(), stream =>
        {
            stream.Write(Encoding.UTF8.GetBytes(Open + "<w:p><w:r><w:t>"));
            var block = Encoding.ASCII.GetBytes(new string('a', 1024 * 1024));
            for (var i = 0; i < 51; i++)
            {
                stream.Write(block);
            }

            stream.Write(Encoding.UTF8.GetBytes("</w:t></w:r></w:p>" + Close));
        });

        var error = Assert.Throws<MemoImportException>(() => MemoImporter.FromDocx(new MemoryStream(bomb)));

        Assert.True(bomb.Length < MemoImporter.MaxDocxBytes);
        Assert.Contains("more than 50 MB when unpacked", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromDocx_DeeplyNestedContentControls_RefusedNamingTheDepth()
    {
        const int Levels = 20_000;
        var xml = new StringBuilder(Open);
        xml.Insert(xml.Length, "<w:sdt><w:sdtContent>", Levels).Append("<w:p/>").Insert(xml.Length, "</w:sdtContent></w:sdt>", Levels).Append(Close);
        var nested = WithDocumentXml(Valid(), stream => stream.Write(Encoding.UTF8.GetBytes(xml.ToString())));

        var error = Assert.Throws<MemoImportException>(() => MemoImporter.FromDocx(new MemoryStream(nested)));

        Assert.Contains("more than 256 levels deep", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromDocx_XmlDeclaresADtd_Refused()
    {
        var dtd = WithDocumentXml(Valid(), stream => stream.Write(Encoding.UTF8.GetBytes(
            """<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>""" + Open[Open.IndexOf("<w:document", StringComparison.Ordinal)..] + "<w:p><w:r><w:t>&b;</w:t></w:r></w:p>" + Close)));

        var error = Assert.Throws<MemoImportException>(() => MemoImporter.FromDocx(new MemoryStream(dtd)));

        Assert.Contains("declares a DTD", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromDocx_TruncatedDocumentXml_RefusedAsDamaged()
    {
        var truncated = WithDocumentXml(Valid(), stream => stream.Write(Encoding.UTF8.GetBytes(Open + "<w:p><w:r><w:t>Half a sent")));

        var error = Assert.Throws<MemoImportException>(() => MemoImporter.FromDocx(new MemoryStream(truncated)));

        Assert.Contains("not well-formed XML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromDocx_OrdinaryDocument_StillImported()
    {
        var import = MemoImporter.FromDocx(new MemoryStream(Valid()));

        Assert.Contains("We urge you.", import.Markdown, StringComparison.Ordinal);
    }

    private static byte[] Valid() => TestDocx.Build((_, body) => body.Append(TestDocx.Para(null, new Run(new Text("We urge you.")))));

    /// <summary>The package with word/document.xml replaced by what <paramref name="write"/> writes.</summary>
    private static byte[] WithDocumentXml(byte[] docx, Action<Stream> write)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry("word/document.xml")!.Delete();
            using var entry = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            write(entry);
        }

        return stream.ToArray();
    }
}
