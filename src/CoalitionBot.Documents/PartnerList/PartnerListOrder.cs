using System.Globalization;

namespace CoalitionBot.Documents;

/// <summary>
/// The order of the final list, for anything that must show organisations the same way: groups by category in
/// the coalition's order (unknown categories after, uncategorised last), each sorted by sort name with the
/// culture's collation (ties by display name, then ordinal). Names are compared by sort keys computed once each
/// (<see cref="CollationOrder"/>), so the n·log n comparisons are byte comparisons.
/// </summary>
public static class PartnerListOrder
{
    public static List<(string? Category, List<T> Items)> Arrange<T>(
        IEnumerable<T> items, Func<T, string?> category, Func<T, string> sortName, Func<T, string> displayName, IReadOnlyList<string> order, string cultureName)
    {
        var compare = PartnerListBuilder.CultureOf(cultureName).CompareInfo;
        var comparer = Comparer<string>.Create((a, b) => compare.Compare(a, b, PartnerListBuilder.Collation));
        var ranks = order.ToList();
        int Rank(string? name)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                return int.MaxValue;
            }

            var index = ranks.FindIndex(o => compare.Compare(o, name, PartnerListBuilder.Collation) == 0);
            return index >= 0 ? index : int.MaxValue - 1;
        }

        return items
            .GroupBy(i => category(i) is { } c && !string.IsNullOrWhiteSpace(c) ? PartnerText.OneLine(c) : null)
            .OrderBy(g => Rank(g.Key)).ThenBy(g => g.Key ?? string.Empty, comparer)
            .Select(g => (g.Key, CollationOrder.Sort(g.ToList(), compare, sortName, displayName, displayName)))
            .ToList();
    }
}
