using System.IO.Compression;
using System.Text;
using CsCheck;

namespace CoalitionBot.Testing.Fuzz;

/// <summary>
/// Generates uploads for the web channel's `POST /web/api/upload` the way a hostile or broken client sends them:
/// multipart bodies with or without their boundary, truncated, with odd part headers, file names and kinds, and file
/// contents from random bytes to .docx packages whose document.xml declares a DTD, nests deeply, is truncated or is
/// not XML, and .csv that is not UTF-8.
/// </summary>
public static class MalformedUpload
{
    private static readonly string[] FileNames =
        ["memo.docx", "memo.DOCX", "memo.md", "memo.txt", "partners.csv", "memo", "../../etc/passwd.docx", "m\u0000.docx", "\ud83d.docx", ""];

    private static readonly string[] Kinds = ["memo", "csv", "", "CSV", "docx", "\u202Ememo", new string('k', 300)];

    private static readonly string[] DocumentXml =
    [
        "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>Hello</w:t></w:r></w:p></w:body></w:document>",
        "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaa\">]><w:document xmlns:w=\"x\"><w:body>&a;</w:body></w:document>",
        "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" + string.Concat(Enumerable.Repeat("<w:sdt><w:sdtContent>", 400)),
        "<?xml version=\"1.0\"?><w:document xmlns:w=\"x\"><w:body><w:p>",
        "not xml at all \u0000\u0001",
        "",
    ];

    /// <summary>One generated request: its content type header (null: none) and body bytes.</summary>
    public static Gen<(string? ContentType, byte[] Body)> Requests() =>
        Gen.Select(Gen.Int[0, FileNames.Length - 1], Gen.Int[0, Kinds.Length - 1], Content(), Gen.Int[0, 7], Gen.Int[0, int.MaxValue],
            (name, kind, content, framing, at) => Frame(FileNames[name], Kinds[kind], content, framing, at));

    private static Gen<byte[]> Content() =>
        Gen.OneOf(
            Gen.Byte.Array[0, 300],
            Gen.Int[0, DocumentXml.Length - 1].Select(i => Docx(DocumentXml[i])),
            Gen.Select(Gen.Int[0, DocumentXml.Length - 1], Gen.Int[0, int.MaxValue], (i, cut) => Truncate(Docx(DocumentXml[i]), cut)),
            Gen.Const("name,category\nEvil\u202E Org,National\n=cmd|' /c calc'!A1,\n"u8.ToArray()),
            Gen.Const(new byte[] { 0xC3, 0x28, 0xFF, 0xFE, 0x2C, 0x0A }));

    private static (string? ContentType, byte[] Body) Frame(string fileName, string kind, byte[] content, int framing, int at)
    {
        const string boundary = "fuzzboundary";
        var head = Encoding.UTF8.GetBytes(
            $"--{boundary}\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n{kind}\r\n"
            + $"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{fileName}\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        var tail = Encoding.UTF8.GetBytes($"\r\n--{boundary}--\r\n");
        var body = head.Concat(content).Concat(tail).ToArray();
        return framing switch
        {
            0 => ("multipart/form-data", body), // no boundary
            1 => ($"multipart/form-data; boundary={boundary}", Truncate(body, at)),
            2 => ("multipart/form-data; boundary=other", body),
            3 => ($"multipart/form-data; boundary={boundary}", Encoding.UTF8.GetBytes($"--{boundary}\r\nContent-Disposition: form-data\r\n\r\nx\r\n--{boundary}--\r\n")),
            4 => ("application/octet-stream", content),
            5 => (null, body),
            _ => ($"multipart/form-data; boundary={boundary}", body),
        };
    }

    private static byte[] Truncate(byte[] bytes, int at) => bytes.Length == 0 ? bytes : bytes[..(at % bytes.Length)];

    private static byte[] Docx(string documentXml)
    {
        using var zipped = new MemoryStream();
        using (var zip = new ZipArchive(zipped, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var types = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open());
            types.Write("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
            types.Flush();
        }

        using (var zip = new ZipArchive(zipped, ZipArchiveMode.Update, leaveOpen: true))
        {
            using var rels = new StreamWriter(zip.CreateEntry("_rels/.rels").Open());
            rels.Write("<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"r1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>");
        }

        using (var zip = new ZipArchive(zipped, ZipArchiveMode.Update, leaveOpen: true))
        {
            using var document = new StreamWriter(zip.CreateEntry("word/document.xml").Open());
            document.Write(documentXml);
        }

        return zipped.ToArray();
    }
}
