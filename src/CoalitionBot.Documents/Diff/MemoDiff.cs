using System.Text.RegularExpressions;

namespace CoalitionBot.Documents;

/// <summary>Compares two versions of a memo paragraph by paragraph, then word by word inside changed paragraphs.</summary>
public static partial class MemoDiff
{
    /// <summary>Two paragraphs whose words overlap at least this much (Dice coefficient) are "the same paragraph, edited".</summary>
    public const double SimilarityThreshold = 0.5;

    /// <summary>
    /// Up to this many changed words (removed plus added, across the memo) and no paragraph added, removed or moved:
    /// the change is suggested as not substantive. Three words covers typo fixes, a corrected date or a renamed
    /// office; more than that, or any new or deleted paragraph, could change what a signer agreed to, so signers
    /// should be asked to reconfirm. A single changed word can still flip meaning ("not"), which is why this is only
    /// a suggestion the coordinator confirms.
    /// </summary>
    public const int MinorChangeMaxWords = 3;

    /// <summary>
    /// Matches paragraphs first by identical text (a shortest edit script, so inserting a paragraph does not
    /// make every later one "changed"), then pairs the leftovers between two matches by word similarity, and
    /// finally reports identical paragraphs found elsewhere as moved. Paragraphs are compared as Markdown source,
    /// so a changed link target or emphasis counts as a change.
    /// </summary>
    public static MemoComparison Compare(MemoDocument oldVersion, MemoDocument newVersion)
    {
        ArgumentNullException.ThrowIfNull(oldVersion);
        ArgumentNullException.ThrowIfNull(newVersion);
        var oldKeys = oldVersion.Paragraphs.Select(p => Key(p.Markdown)).ToList();
        var newKeys = newVersion.Paragraphs.Select(p => Key(p.Markdown)).ToList();
        var pairs = SequenceDiff.Matches(oldKeys, newKeys);
        var changes = new List<ParagraphChange>();
        var removed = new List<int>();
        var added = new List<int>();
        var lastOld = 0;
        var lastNew = 0;
        foreach (var (o, n) in pairs.Append((oldKeys.Count, newKeys.Count)))
        {
            changes.AddRange(PairGap(oldVersion, newVersion, lastOld, o, lastNew, n, removed, added));
            if (o < oldKeys.Count)
            {
                changes.Add(new ParagraphChange(ParagraphChangeKind.Unchanged, o + 1, n + 1, null));
            }

            lastOld = o + 1;
            lastNew = n + 1;
        }

        ResolveMoves(changes, removed, added, oldKeys, newKeys);
        var ordered = Order(changes);
        return new MemoComparison(ordered, Assess(ordered, oldVersion, newVersion));
    }

    // Inside a gap between two identical paragraphs, pairs each old paragraph with the most similar new one that
    // comes after the previous pairing, so edits stay in document order.
    private static List<ParagraphChange> PairGap(
        MemoDocument oldVersion, MemoDocument newVersion, int oldStart, int oldEnd, int newStart, int newEnd, List<int> removed, List<int> added)
    {
        var changes = new List<ParagraphChange>();
        var nextNew = newStart;
        for (var o = oldStart; o < oldEnd; o++)
        {
            var oldText = oldVersion.Paragraphs[o].Markdown;
            var best = -1;
            var bestScore = SimilarityThreshold;
            for (var n = nextNew; n < newEnd; n++)
            {
                var score = Similarity(oldText, newVersion.Paragraphs[n].Markdown);
                if (score >= bestScore && (best < 0 || score > bestScore))
                {
                    best = n;
                    bestScore = score;
                }
            }

            if (best < 0)
            {
                removed.Add(o);
                changes.Add(new ParagraphChange(ParagraphChangeKind.Removed, o + 1, null, null));
                continue;
            }

            for (var n = nextNew; n < best; n++)
            {
                added.Add(n);
                changes.Add(new ParagraphChange(ParagraphChangeKind.Added, null, n + 1, null));
            }

            changes.Add(new ParagraphChange(ParagraphChangeKind.Changed, o + 1, best + 1, WordDiff.Compute(oldText, newVersion.Paragraphs[best].Markdown)));
            nextNew = best + 1;
        }

        for (var n = nextNew; n < newEnd; n++)
        {
            added.Add(n);
            changes.Add(new ParagraphChange(ParagraphChangeKind.Added, null, n + 1, null));
        }

        return changes;
    }

    private static void ResolveMoves(List<ParagraphChange> changes, List<int> removed, List<int> added, List<string> oldKeys, List<string> newKeys)
    {
        foreach (var o in removed)
        {
            var n = added.FirstOrDefault(a => newKeys[a] == oldKeys[o], -1);
            if (n < 0)
            {
                continue;
            }

            added.Remove(n);
            changes.RemoveAll(c => (c.Kind == ParagraphChangeKind.Removed && c.OldNumber == o + 1) || (c.Kind == ParagraphChangeKind.Added && c.NewNumber == n + 1));
            changes.Add(new ParagraphChange(ParagraphChangeKind.Moved, o + 1, n + 1, null));
        }
    }

    // New-version order; a removed paragraph sorts right after the new paragraph that followed its predecessor.
    private static List<ParagraphChange> Order(List<ParagraphChange> changes)
    {
        double Position(ParagraphChange change)
        {
            if (change.NewNumber is { } n)
            {
                return n;
            }

            var before = changes.Where(c => c.OldNumber < change.OldNumber && c.NewNumber is not null).Select(c => c.NewNumber!.Value).DefaultIfEmpty(0).Max();
            return before + 0.5 + (change.OldNumber!.Value / 100000.0);
        }

        return changes.OrderBy(Position).ToList();
    }

    private static ChangeAssessment Assess(List<ParagraphChange> changes, MemoDocument oldVersion, MemoDocument newVersion)
    {
        var oldWords = oldVersion.Paragraphs.Sum(p => WordDiff.CountWords(p.PlainText));
        var changed = changes.Sum(c => c.Kind switch
        {
            ParagraphChangeKind.Changed => c.Words!.ChangedWords,
            ParagraphChangeKind.Added => WordDiff.CountWords(newVersion.Paragraphs[c.NewNumber!.Value - 1].PlainText),
            ParagraphChangeKind.Removed => WordDiff.CountWords(oldVersion.Paragraphs[c.OldNumber!.Value - 1].PlainText),
            _ => 0,
        });
        var structural = changes.Any(c => c.Kind is ParagraphChangeKind.Added or ParagraphChangeKind.Removed or ParagraphChangeKind.Moved);
        if (!changes.Any(c => c.Kind != ParagraphChangeKind.Unchanged))
        {
            return new ChangeAssessment(false, 0, oldWords, "No changes to the text; signers need not reconfirm.");
        }

        if (structural || changed > MinorChangeMaxWords)
        {
            return new ChangeAssessment(true, changed, oldWords,
                $"Suggested substantive: {Counted.Of(changed, "word")} changed{(structural ? " and paragraphs added, removed or moved" : string.Empty)}; ask signers to reconfirm.");
        }

        return new ChangeAssessment(false, changed, oldWords,
            $"Suggested minor: {Counted.Of(changed, "word")} changed (at most {MinorChangeMaxWords} counts as minor); check it does not change meaning.");
    }

    private static double Similarity(string a, string b)
    {
        var wordsA = Words(a);
        var wordsB = Words(b);
        if (wordsA.Count == 0 && wordsB.Count == 0)
        {
            return 1;
        }

        var counts = wordsA.GroupBy(w => w).ToDictionary(g => g.Key, g => g.Count());
        var common = 0;
        foreach (var word in wordsB)
        {
            if (counts.TryGetValue(word, out var left) && left > 0)
            {
                counts[word] = left - 1;
                common++;
            }
        }

        return 2.0 * common / (wordsA.Count + wordsB.Count);
    }

    private static List<string> Words(string text) =>
        WordPattern().Matches(text).Select(m => m.Value.ToLowerInvariant()).ToList();

    private static string Key(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [GeneratedRegex(@"\w+", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();
}
