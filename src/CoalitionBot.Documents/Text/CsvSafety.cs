namespace CoalitionBot.Documents;

/// <summary>Neutralises spreadsheet formula injection in CSV cells.</summary>
public static class CsvSafety
{
    /// <summary>
    /// Prefixes a cell that begins with = + - @ tab or CR with an apostrophe, so Excel, LibreOffice and
    /// Google Sheets show it as text instead of evaluating it (OWASP "CSV injection").
    /// </summary>
    public static string Neutralise(string? cell)
    {
        if (string.IsNullOrEmpty(cell))
        {
            return string.Empty;
        }

        return IsDangerous(cell) ? "'" + cell : cell;
    }

    /// <summary>Reverses <see cref="Neutralise"/> for a cell read back from a file we (or a careful tool) wrote.</summary>
    public static string Restore(string? cell)
    {
        if (string.IsNullOrEmpty(cell))
        {
            return string.Empty;
        }

        return cell.Length > 1 && cell[0] == '\'' && IsDangerous(cell[1..]) ? cell[1..] : cell;
    }

    private static bool IsDangerous(string cell) => cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r';
}
