using System.Globalization;
using CsvHelper;

namespace CoalitionBot.Documents;

/// <summary>Writes CSV through CsvHelper with every cell neutralised against formula injection.</summary>
internal static class CsvText
{
    public static string Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows) => Write(0, header, rows);

    /// <summary>As <see cref="Write(IReadOnlyList{string}, IEnumerable{IReadOnlyList{string?}})"/>, the text allocated once at about <paramref name="capacity"/> characters.</summary>
    public static string Write(int capacity, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        using var writer = new StringWriter(new System.Text.StringBuilder(capacity), CultureInfo.InvariantCulture);
        // Injection is neutralised by CsvSafety (and tested) rather than the library option, so every export
        // and the directory round trip share one rule.
        using (var csv = CsvWriter.Create(writer, new CsvWriterOptions { NewLine = "\r\n" }, leaveOpen: true))
        {
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

        return writer.ToString();
    }

    public static string Bool(bool value) => value ? "yes" : "no";

    public static string Time(DateTimeOffset? value) =>
        value?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? string.Empty;
}
