using System.Globalization;

namespace CoalitionBot.Documents;

/// <summary>Which paper a culture prints on, and its size in twentieths of a point.</summary>
public static class PaperSizes
{
    // The countries where US Letter is the usual office paper.
    private static readonly HashSet<string> LetterCountries = new(StringComparer.OrdinalIgnoreCase)
    {
        "US", "CA", "MX", "PR", "PH", "CL", "CO", "VE", "CR", "GT", "PA", "DO", "SV", "NI", "HN", "BZ",
    };

    /// <summary>Letter for en-US, en-CA, es-MX and the other Letter countries; A4 otherwise (and for a culture without a country).</summary>
    public static PaperSize Resolve(PaperSize requested, string? cultureName)
    {
        if (requested != PaperSize.ByCulture)
        {
            return requested;
        }

        try
        {
            var culture = CultureInfo.GetCultureInfo(cultureName ?? "en-GB", predefinedOnly: true);
            return culture.IsNeutralCulture || !LetterCountries.Contains(new RegionInfo(culture.Name).TwoLetterISORegionName) ? PaperSize.A4 : PaperSize.Letter;
        }
        catch (Exception e) when (e is CultureNotFoundException or ArgumentException)
        {
            return PaperSize.A4;
        }
    }

    /// <summary>Width and height in twips (1/1440 inch): A4 is 210 × 297 mm, Letter 8.5 × 11 in.</summary>
    internal static (uint Width, uint Height) Twips(PaperSize paper) => paper == PaperSize.Letter ? (12240U, 15840U) : (11906U, 16838U);
}
