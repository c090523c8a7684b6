using System.Buffers.Binary;
using System.Globalization;

namespace CoalitionBot.Documents;

/// <summary>
/// Sorting and de-duplicating under <see cref="PartnerListBuilder.Collation"/> by sort keys: each name's key is
/// computed once, and a comparison is then a byte comparison — the same order as <c>CompareInfo.Compare</c>, which
/// redoes the culture's collation in each of the n·log n comparisons. The keys of one sort lie in one buffer and
/// each item carries its key's first eight bytes, so most comparisons touch neither the heap nor the culture.
/// </summary>
internal static class CollationOrder
{
    /// <summary>Byte equality of sort keys (equal under the collation).</summary>
    public static readonly IEqualityComparer<byte[]> SameKey = new KeyEquality();

    /// <summary>The sort key of <paramref name="text"/> as bytes.</summary>
    public static byte[] Key(CompareInfo compare, string text)
    {
        var key = new byte[compare.GetSortKeyLength(text, PartnerListBuilder.Collation)];
        compare.GetSortKey(text, key, PartnerListBuilder.Collation);
        return key;
    }

    /// <summary>
    /// The items by <paramref name="primary"/> under the collation, then by <paramref name="secondary"/> (when
    /// given) under the collation, then by <paramref name="tie"/> ordinally, then in input order.
    /// </summary>
    public static List<T> Sort<T>(IReadOnlyList<T> items, CompareInfo compare, Func<T, string> primary, Func<T, string>? secondary, Func<T, string> tie)
    {
        var keys = new KeyBuffer(compare, items.Count * (secondary is null ? 48 : 96));
        var order = new Ordered[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            var first = keys.Add(primary(items[i]));
            var second = secondary is null ? default : keys.Add(secondary(items[i]));
            order[i] = new Ordered(keys.Prefix(first), first, second, i);
        }

        Array.Sort(order, new OrderedComparer<T>(keys, items, tie));
        var sorted = new List<T>(order.Length);
        foreach (var o in order)
        {
            sorted.Add(items[o.Index]);
        }

        return sorted;
    }

    private readonly record struct Slice(int Offset, int Length);

    private readonly record struct Ordered(ulong Prefix, Slice Primary, Slice Secondary, int Index);

    private sealed class KeyBuffer(CompareInfo compare, int capacity)
    {
        private byte[] bytes = new byte[Math.Max(capacity, 64)];
        private int used;

        public Slice Add(string text)
        {
            var length = compare.GetSortKeyLength(text, PartnerListBuilder.Collation);
            if (used + length > bytes.Length)
            {
                Array.Resize(ref bytes, Math.Max(bytes.Length * 2, used + length));
            }

            compare.GetSortKey(text, bytes.AsSpan(used, length), PartnerListBuilder.Collation);
            used += length;
            return new Slice(used - length, length);
        }

        public ReadOnlySpan<byte> Of(Slice slice) => bytes.AsSpan(slice.Offset, slice.Length);

        // The first eight bytes, big-endian and zero-padded: ordering prefixes never contradicts ordering the whole keys.
        public ulong Prefix(Slice slice)
        {
            Span<byte> head = stackalloc byte[8];
            head.Clear();
            Of(slice)[..Math.Min(8, slice.Length)].CopyTo(head);
            return BinaryPrimitives.ReadUInt64BigEndian(head);
        }
    }

    private sealed class OrderedComparer<T>(KeyBuffer keys, IReadOnlyList<T> items, Func<T, string> tie) : IComparer<Ordered>
    {
        public int Compare(Ordered x, Ordered y)
        {
            var order = x.Prefix.CompareTo(y.Prefix);
            if (order == 0)
            {
                order = keys.Of(x.Primary).SequenceCompareTo(keys.Of(y.Primary));
            }

            if (order == 0)
            {
                order = keys.Of(x.Secondary).SequenceCompareTo(keys.Of(y.Secondary));
            }

            if (order == 0)
            {
                order = string.CompareOrdinal(tie(items[x.Index]), tie(items[y.Index]));
            }

            return order != 0 ? order : x.Index.CompareTo(y.Index);
        }
    }

    private sealed class KeyEquality : IEqualityComparer<byte[]>
    {
        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] key)
        {
            var hash = new HashCode();
            hash.AddBytes(key);
            return hash.ToHashCode();
        }
    }
}
