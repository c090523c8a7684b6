namespace CoalitionBot.Documents;

/// <summary>
/// The one collation for organisation names: the final list's (case and accents ignored, the coalition's culture),
/// so the directory listing, its export and the compiled list put "Éxodo" in the same place.
/// </summary>
public static class DirectoryOrder
{
    public static IComparer<string> For(string cultureName)
    {
        var compare = PartnerListBuilder.CultureOf(cultureName).CompareInfo;
        return Comparer<string>.Create((a, b) =>
        {
            var order = compare.Compare(a, b, PartnerListBuilder.Collation);
            return order != 0 ? order : string.CompareOrdinal(a, b);
        });
    }
}
