namespace CoalitionBot.Documents;

/// <summary>The compiled list of signatory organisations with the SHA-256 of its content.</summary>
/// <param name="Hash">SHA-256 (lowercase hex) of the canonical list: title, addressee, date, groups, labels and marks.</param>
/// <param name="DuplicatesRemoved">Sign-ons dropped because an organisation with the same name (ignoring case and accents) is listed.</param>
/// <param name="Excluded">Sign-ons left out because of the late or unconfirmed policy.</param>
public sealed record PartnerList(
    PartnerListRequest Request,
    IReadOnlyList<PartnerListGroup> Groups,
    string Hash,
    IReadOnlyList<Signatory> DuplicatesRemoved,
    IReadOnlyList<Signatory> Excluded)
{
    public int Count => Groups.Sum(g => g.Entries.Count);

    public bool HasLateMarks => Groups.Any(g => g.Entries.Any(e => e.MarkedLate && !e.MarkedAfterClosing));

    public bool HasAfterClosingMarks => Groups.Any(g => g.Entries.Any(e => e.MarkedAfterClosing));

    public bool HasUnconfirmedMarks => Groups.Any(g => g.Entries.Any(e => e.MarkedUnconfirmed));

    /// <summary>Heading for a group; uncategorised organisations are "Other organisations" when there are other groups.</summary>
    public string? HeadingOf(PartnerListGroup group) =>
        group.Category is { } category ? PartnerText.Field(category) : Groups.Count > 1 ? "Other organisations" : null;
}
