using System.Globalization;

namespace CoalitionBot.Documents;

/// <summary>Small text helpers shared by the list exports.</summary>
internal static class PartnerText
{
    /// <summary>Collapses line breaks and runs of whitespace and drops control characters.</summary>
    public static string OneLine(string? text) =>
        text is null ? string.Empty
        : IsOneLine(text) ? text
        : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .Where(c => !char.IsControl(c)).Aggregate(new System.Text.StringBuilder(), (b, c) => b.Append(c)).ToString();

    /// <summary>A user field as shown in a list or certificate: one line, bidi-isolated (<see cref="BidiText.Isolate"/>).</summary>
    public static string Field(string? text) => BidiText.Isolate(OneLine(text));

    /// <summary>
    /// About the size of a list's text export (its names and countries with a line's markup each), so its builder is
    /// allocated once near the size it ends up instead of growing chunk by chunk or reserving twice what it needs.
    /// </summary>
    public static int Capacity(PartnerList list)
    {
        var size = 1024;
        foreach (var group in list.Groups)
        {
            size += 64 + (group.Category?.Length ?? 0);
            foreach (var entry in group.Entries)
            {
                size += 16 + entry.Signatory.DisplayName.Length + (entry.Signatory.Country?.Length ?? 0);
            }
        }

        return size;
    }

    // Already what OneLine would make of it (the common case): no control characters, and every whitespace a
    // single ' ' between two other characters.
    private static bool IsOneLine(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsControl(c)
                || (char.IsWhiteSpace(c) && (c != ' ' || i == 0 || i == text.Length - 1 || char.IsWhiteSpace(text[i + 1]))))
            {
                return false;
            }
        }

        return true;
    }

    public static string FormatDate(DateOnly date, string cultureName) =>
        date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo(cultureName));

    public static string Legend(PartnerList list, string late = "signed after the deadline", string unconfirmed = "signed an earlier version and has not reconfirmed the final text",
        string afterClosing = "signed after the memo was closed, before its deadline")
    {
        var lines = new List<string>();
        if (list.HasLateMarks)
        {
            lines.Add($"{PartnerListEntry.LateMark} {late}");
        }

        if (list.HasAfterClosingMarks)
        {
            lines.Add($"{PartnerListEntry.AfterClosingMark} {afterClosing}");
        }

        if (list.HasUnconfirmedMarks)
        {
            lines.Add($"{PartnerListEntry.UnconfirmedMark} {unconfirmed}");
        }

        return string.Join('\n', lines);
    }
}
