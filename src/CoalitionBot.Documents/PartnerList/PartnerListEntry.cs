namespace CoalitionBot.Documents;

/// <summary>A listed organisation and the marks it carries (after the deadline †, after closing ‖, not reconfirmed ‡).</summary>
public sealed record PartnerListEntry(Signatory Signatory, bool MarkedLate, bool MarkedUnconfirmed)
{
    public const string LateMark = "†";
    public const string UnconfirmedMark = "‡";
    public const string AfterClosingMark = "‖";

    /// <summary>Marked late because the memo had been closed, not because its deadline had passed.</summary>
    public bool MarkedAfterClosing => MarkedLate && Signatory.AfterClosing;

    /// <summary>"Name (Country)" as shown, without marks; user text unescaped, each field bidi-isolated (<see cref="BidiText.Isolate"/>).</summary>
    public string Label(bool showCountry) =>
        showCountry && !string.IsNullOrWhiteSpace(Signatory.Country)
            ? $"{PartnerText.Field(Signatory.DisplayName)} ({PartnerText.Field(Signatory.Country)})"
            : PartnerText.Field(Signatory.DisplayName);

    /// <summary>Appends <see cref="Label"/> without making it a string of its own first.</summary>
    internal System.Text.StringBuilder AppendLabel(System.Text.StringBuilder text, bool showCountry) =>
        showCountry && !string.IsNullOrWhiteSpace(Signatory.Country)
            ? text.Append(PartnerText.Field(Signatory.DisplayName)).Append(" (").Append(PartnerText.Field(Signatory.Country)).Append(')')
            : text.Append(PartnerText.Field(Signatory.DisplayName));

    /// <summary>The label as the list's hash has always read it (one line, not isolated), so a recorded hash stays checkable.</summary>
    internal string CanonicalLabel(bool showCountry) =>
        showCountry && !string.IsNullOrWhiteSpace(Signatory.Country)
            ? $"{PartnerText.OneLine(Signatory.DisplayName)} ({PartnerText.OneLine(Signatory.Country)})"
            : PartnerText.OneLine(Signatory.DisplayName);

    /// <summary>The marks as a suffix (" †‡"), or empty.</summary>
    public string Marks => (MarkedLate || MarkedUnconfirmed ? " " : string.Empty) + (MarkedLate ? (Signatory.AfterClosing ? AfterClosingMark : LateMark) : string.Empty) + (MarkedUnconfirmed ? UnconfirmedMark : string.Empty);
}
