using System.Globalization;
using CsvHelper;

namespace CoalitionBot.Documents;

/// <summary>Writes CSV through CsvHelper with every cell neutralised against formula injection.</summary>
internal static class CsvText
{
    private static readonly System.Text.UTF8Encoding NoByteOrderMark = new(encoderShouldEmitUTF8Identifier: false);

    public static string Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows) => Write(0, header, rows);

    /// <summary>As <see cref="Write(IReadOnlyList{string}, IEnumerable{IReadOnlyList{string?}})"/>, the text allocated once at about <paramref name="capacity"/> characters.</summary>
    public static string Write(int capacity, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        using var writer = new StringWriter(new System.Text.StringBuilder(capacity), CultureInfo.InvariantCulture);
        WriteTo(writer, header, rows);
        return writer.ToString();
    }

    /// <summary>
    /// The same CSV as UTF-8 bytes (no byte order mark), written straight to bytes instead of a string converted
    /// afterwards: a 50,000-row file is then one 12 MB buffer instead of a 25 MB string, its copy and the bytes.
    /// </summary>
    public static byte[] Utf8(int capacity, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        using var bytes = new MemoryStream(capacity);
        using (var writer = new StreamWriter(bytes, NoByteOrderMark, 1 << 16, leaveOpen: true))
        {
            WriteTo(writer, header, rows);
        }

        return bytes.ToArray();
    }

    private static void WriteTo(TextWriter writer, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        // Injection is neutralised by CsvSafety (and tested) rather than the library option, so every export
        // and the directory round trip share one rule.
        using var csv = CsvWriter.Create(writer, new CsvWriterOptions { NewLine = "\r\n" }, leaveOpen: true);
        foreach (var name in header)
        {
            csv.WriteField(name);
        }

        csv.EndRecord();
        foreach (var row in rows)
        {
            foreach (var cell in row)
            {
                csv.WriteField(CsvSafety.Neutralise(BidiText.Balance(cell))); // a cell is its own paragraph: balanced, not wrapped
            }

            csv.EndRecord();
        }
    }

    public static string Bool(bool value) => value ? "yes" : "no";

    public static string Time(DateTimeOffset? value) =>
        value?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? string.Empty;
}
