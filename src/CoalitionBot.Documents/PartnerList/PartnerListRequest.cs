namespace CoalitionBot.Documents;

/// <summary>Everything needed to compile a memo's final partner list.</summary>
/// <param name="CategoryOrder">Categories in the order their groups appear; categories not listed come last, alphabetically.</param>
/// <param name="CultureName">Culture whose collation sorts names, e.g. "en-GB", "es-ES", "sv-SE".</param>
/// <param name="ShowCountry">Append "(Country)" after each name.</param>
/// <param name="Paper">Paper for the Word files; by default Letter where the culture's country uses it, A4 elsewhere.</param>
public sealed record PartnerListRequest(
    string MemoTitle,
    string Addressee,
    DateOnly Date,
    IReadOnlyList<string> CategoryOrder,
    string CultureName,
    IReadOnlyList<Signatory> Signatories,
    ListInclusion Late = ListInclusion.Mark,
    ListInclusion Unconfirmed = ListInclusion.Exclude,
    bool ShowCountry = true,
    PaperSize Paper = PaperSize.ByCulture);
