using DiffPlex;

namespace CoalitionBot.Documents;

/// <summary>
/// Aligns two sequences of pieces (paragraphs, words) with DiffPlex's Myers diff: linear memory and near-linear
/// time for similar texts, so even a 200 KB memo of one-word paragraphs needs no size cap.
/// </summary>
internal static class SequenceDiff
{
    /// <summary>The pairs (old index, new index) of pieces kept unchanged, in order.</summary>
    public static List<(int Old, int New)> Matches(IReadOnlyList<string> oldPieces, IReadOnlyList<string> newPieces)
    {
        // DiffPlex diffs strings cut by a chunker; each distinct piece becomes a number so any text survives the cut.
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        string Encode(IReadOnlyList<string> pieces) =>
            string.Join(',', pieces.Select(p => vocabulary.TryGetValue(p, out var id) ? id : vocabulary[p] = vocabulary.Count));
        var result = Differ.Instance.CreateDiffs(Encode(oldPieces), Encode(newPieces), ignoreWhiteSpace: false, ignoreCase: false, IdChunker.Instance);
        var matches = new List<(int Old, int New)>();
        int x = 0, y = 0;
        foreach (var block in result.DiffBlocks)
        {
            while (x < block.DeleteStartA && y < block.InsertStartB)
            {
                matches.Add((x++, y++));
            }

            x = block.DeleteStartA + block.DeleteCountA;
            y = block.InsertStartB + block.InsertCountB;
        }

        while (x < oldPieces.Count && y < newPieces.Count)
        {
            matches.Add((x++, y++));
        }

        return matches;
    }

    private sealed class IdChunker : IChunker
    {
        public static IdChunker Instance { get; } = new();

        public IReadOnlyList<string> Chunk(string str) => str.Length == 0 ? [] : str.Split(',');
    }
}
