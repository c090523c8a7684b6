using System.Globalization;

namespace CoalitionBot.Documents;

/// <summary>Small text helpers shared by the list exports.</summary>
internal static class PartnerText
{
    /// <summary>Collapses line breaks and runs of whitespace and drops control characters.</summary>
    public static string OneLine(string? text) =>
        string.Join(' ', (text ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .Where(c => !char.IsControl(c)).Aggregate(new System.Text.StringBuilder(), (b, c) => b.Append(c)).ToString();

    /// <summary>A user field as shown in a list or certificate: one line, bidi-isolated (<see cref="BidiText.Isolate"/>).</summary>
    public static string Field(string? text) => BidiText.Isolate(OneLine(text));

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
