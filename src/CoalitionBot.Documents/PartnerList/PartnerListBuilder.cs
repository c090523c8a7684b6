using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CoalitionBot.Documents;

/// <summary>Compiles the final partner list: policy, de-duplication, grouping and culture-aware ordering.</summary>
public static class PartnerListBuilder
{
    /// <summary>Case, accents, kana type and width are ignored, so "école", "Ecole" and "ÉCOLE" sort (and de-duplicate) together.</summary>
    public const CompareOptions Collation =
        CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace | CompareOptions.IgnoreKanaType | CompareOptions.IgnoreWidth;

    /// <summary>
    /// Applies the late/unconfirmed policies, keeps the earliest sign-on of organisations whose display names are
    /// equal under the collation, groups by category in the requested order (unknown categories after, uncategorised
    /// last), sorts each group by sort name with the culture's collation (ties by display name, then ordinal) and hashes the result.
    /// </summary>
    public static PartnerList Build(PartnerListRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var compare = CultureOf(request.CultureName).CompareInfo;
        var excluded = new List<Signatory>();
        var duplicates = new List<Signatory>();
        var seen = new HashSet<byte[]>(CollationOrder.SameKey);
        var entries = new List<PartnerListEntry>();
        foreach (var signatory in request.Signatories.OrderBy(s => s.SignedAt).ThenBy(s => s.DisplayName, StringComparer.Ordinal))
        {
            if ((signatory.Late && request.Late == ListInclusion.Exclude)
                || (signatory.NeedsReconfirmation && request.Unconfirmed == ListInclusion.Exclude))
            {
                excluded.Add(signatory);
                continue;
            }

            var key = CollationOrder.Key(compare, PartnerText.OneLine(signatory.DisplayName));
            if (!seen.Add(key))
            {
                duplicates.Add(signatory);
                continue;
            }

            entries.Add(new PartnerListEntry(
                signatory,
                signatory.Late && request.Late == ListInclusion.Mark,
                signatory.NeedsReconfirmation && request.Unconfirmed == ListInclusion.Mark));
        }

        var groups = Group(entries, request.CategoryOrder, request.CultureName);
        var list = new PartnerList(request, groups, string.Empty, duplicates, excluded);
        return list with { Hash = HashOf(list) };
    }

    /// <summary>The culture for a name like "en-GB"; an unknown name is a caller error with a readable message.</summary>
    public static CultureInfo CultureOf(string cultureName)
    {
        try
        {
            return CultureInfo.GetCultureInfo(cultureName, predefinedOnly: true);
        }
        catch (CultureNotFoundException e)
        {
            throw new ArgumentException($"\"{cultureName}\" is not a known culture name (expected something like \"en-GB\" or \"es-ES\").", nameof(cultureName), e);
        }
    }

    /// <summary>Sort name used for an entry: its own, or derived from the display name.</summary>
    public static string SortNameOf(Signatory signatory) =>
        string.IsNullOrWhiteSpace(signatory.SortName) ? SortNames.Derive(PartnerText.OneLine(signatory.DisplayName)) : PartnerText.OneLine(signatory.SortName);

    // Every export walks the list in this order, so each entry is made anew here, in list order, with its signatory
    // and the text the exports read (PartnerListCopy): the next entry then lies next to the last one in memory,
    // instead of wherever the caller allocated it, and a 50,000-name export reads memory in one sweep.
    private static List<PartnerListGroup> Group(List<PartnerListEntry> entries, IReadOnlyList<string> order, string cultureName) =>
        PartnerListOrder.Arrange(entries, e => e.Signatory.Category, e => SortNameOf(e.Signatory), e => e.Signatory.DisplayName, order, cultureName)
            .Select(g => new PartnerListGroup(g.Category, g.Items.ConvertAll(PartnerListCopy.InListOrder)))
            .ToList();

    private static string HashOf(PartnerList list)
    {
        var canonical = new StringBuilder(PartnerText.Capacity(list))
            .Append(PartnerText.OneLine(list.Request.MemoTitle)).Append('\n')
            .Append(PartnerText.OneLine(list.Request.Addressee)).Append('\n')
            .Append(list.Request.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\n');
        foreach (var group in list.Groups)
        {
            canonical.Append("## ").Append(group.Category ?? string.Empty).Append('\n');
            foreach (var entry in group.Entries)
            {
                canonical.Append(entry.CanonicalLabel(list.Request.ShowCountry)).Append(entry.Marks).Append('\n');
            }
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())));
    }
}
