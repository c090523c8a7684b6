using System.Globalization;
using CsvHelper;

namespace CoalitionBot.Documents;

/// <summary>Writes CSV through CsvHelper with every cell neutralised against formula injection.</summary>
internal static class CsvText
{
    public static string Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
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
