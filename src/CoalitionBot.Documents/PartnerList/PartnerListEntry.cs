namespace CoalitionBot.Documents;

/// <summary>A listed organisation and the marks it carries (late †, not reconfirmed ‡).</summary>
public sealed record PartnerListEntry(Signatory Signatory, bool MarkedLate, bool MarkedUnconfirmed)
{
    public const string LateMark = "†";
    public const string UnconfirmedMark = "‡";

    /// <summary>"Name (Country)" as shown, without marks; user text unescaped.</summary>
    public string Label(bool showCountry) =>
        showCountry && !string.IsNullOrWhiteSpace(Signatory.Country)
            ? $"{PartnerText.OneLine(Signatory.DisplayName)} ({PartnerText.OneLine(Signatory.Country)})"
            : PartnerText.OneLine(Signatory.DisplayName);

    /// <summary>The marks as a suffix (" †‡"), or empty.</summary>
    public string Marks => (MarkedLate || MarkedUnconfirmed ? " " : string.Empty) + (MarkedLate ? LateMark : string.Empty) + (MarkedUnconfirmed ? UnconfirmedMark : string.Empty);
}
