using System.IO.Compression;
using System.Xml;

namespace CoalitionBot.Documents;

/// <summary>
/// Checks a .docx package before the Open XML SDK parses it, so a hostile file cannot exhaust the host: a bounded
/// number of parts, a bounded decompressed size (counted while inflating, not taken from the zip's own claims),
/// XML nesting no deeper than Word ever writes, and no DTDs. The scan is one streaming pass, so its time is
/// bounded by the size limit. Every refusal names the limit.
/// </summary>
internal static class DocxLimits
{
    /// <summary>All parts together, decompressed.</summary>
    public const long MaxDecompressedBytes = 50 * 1024 * 1024;

    public const int MaxParts = 1000;

    /// <summary>Element nesting in any XML part (Word's own documents stay well under 100; nested content controls add two levels each).</summary>
    public const int MaxXmlDepth = 256;

    public static void Check(Stream docx)
    {
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(docx, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException e)
        {
            throw new MemoImportException("The file is not a Word document (.docx); save it as .docx and upload it again.", e);
        }

        using (zip)
        {
            if (zip.Entries.Count > MaxParts)
            {
                throw new MemoImportException($"The Word file has more than {MaxParts} parts; save it again as a plain .docx and upload it.");
            }

            long total = 0;
            foreach (var entry in zip.Entries)
            {
                total += CheckEntry(entry, MaxDecompressedBytes - total);
            }
        }
    }

    private static long CheckEntry(ZipArchiveEntry entry, long budget)
    {
        try
        {
            using var inflated = new CappedStream(entry.Open(), budget);
            if (entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase))
            {
                ScanXml(inflated, entry.FullName);
            }
            else
            {
                inflated.CopyTo(Stream.Null);
            }

            return inflated.Consumed;
        }
        catch (InvalidDataException e)
        {
            throw new MemoImportException($"The Word file is damaged (part {entry.FullName}); save it again as .docx and upload it.", e);
        }
    }

    private static void ScanXml(Stream xml, string part)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true };
        try
        {
            using var reader = XmlReader.Create(xml, settings);
            while (reader.Read())
            {
                if (reader.Depth > MaxXmlDepth)
                {
                    throw new MemoImportException($"The Word file nests content more than {MaxXmlDepth} levels deep (part {part}); it cannot be imported.");
                }
            }
        }
        catch (XmlException e)
        {
            var reason = e.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase)
                ? "declares a DTD, which Word files never do"
                : "is not well-formed XML (truncated or damaged)";
            throw new MemoImportException($"The Word file's part {part} {reason}; save it again as .docx and upload it.", e);
        }
    }
}
