using System.Globalization;
using System.Text;

namespace CoalitionBot.Documents;

/// <summary>Finds organisations that are likely the same one entered twice under different spellings.</summary>
public static class DuplicateOrganisations
{
    private static readonly HashSet<string> MinorWords = new(StringComparer.Ordinal)
    {
        "of", "for", "the", "and", "on", "in", "at", "to", "de", "la", "le", "les", "des", "du", "del", "el", "y", "et", "pour", "und", "fur",
    };

    /// <summary>Likely duplicates among directory organisations (their aliases included).</summary>
    public static IReadOnlyList<DuplicatePair> Find(IEnumerable<DirectoryOrganisation> organisations) =>
        Find(organisations.Select(o => (o.Name, o.Aliases ?? (IReadOnlyList<string>)[])));

    /// <summary>
    /// Compares every pair of names, reporting the first rule that makes them equal: case; accents; punctuation
    /// and "&amp;" vs "and"; a leading article; an alias (including an acronym in parentheses, "Human Rights Watch (HRW)");
    /// an acronym of the other's words ("HRW" = "Human Rights Watch", minor words like "of" optional).
    /// </summary>
    public static IReadOnlyList<DuplicatePair> Find(IEnumerable<(string Name, IReadOnlyList<string> Aliases)> organisations)
    {
        var entries = organisations.Select(o => Entry.Of(o.Name, o.Aliases)).ToList();
        var pairs = new List<DuplicatePair>();
        for (var i = 0; i < entries.Count; i++)
        {
            for (var j = i + 1; j < entries.Count; j++)
            {
                if (Reason(entries[i], entries[j]) is { } reason)
                {
                    pairs.Add(new DuplicatePair(entries[i].Name, entries[j].Name, reason));
                }
            }
        }

        return pairs;
    }

    private static string? Reason(Entry a, Entry b)
    {
        if (a.Name == b.Name)
        {
            return "identical names";
        }

        if (a.Case == b.Case)
        {
            return "names differ only in case";
        }

        if (a.Accents == b.Accents)
        {
            return "names differ only in case or accents";
        }

        if (a.Words.Length > 0 && a.Words == b.Words)
        {
            return "names differ only in punctuation, spacing or \"&\" vs \"and\"";
        }

        if (a.Core.Length > 0 && a.Core == b.Core)
        {
            return "names differ only by a leading article";
        }

        if ((AliasMatch(a, b) ?? AliasMatch(b, a)) is { } alias)
        {
            return alias;
        }

        return AcronymMatch(a, b) ?? AcronymMatch(b, a);
    }

    private static string? AliasMatch(Entry owner, Entry other)
    {
        var alias = owner.AliasCores.FirstOrDefault(x => x.Core == other.Core || other.AliasCores.Any(y => y.Core == x.Core));
        return alias.Core is null ? null : $"\"{alias.Original}\" is a name of both";
    }

    private static string? AcronymMatch(Entry shortForm, Entry longForm)
    {
        foreach (var candidate in shortForm.AcronymCandidates)
        {
            foreach (var words in longForm.WordLists)
            {
                if (words.Length >= 2 && (candidate == Initials(words, keepMinor: true) || candidate == Initials(words, keepMinor: false)))
                {
                    return $"\"{candidate.ToUpperInvariant()}\" is the acronym of \"{longForm.Name}\"";
                }
            }
        }

        return null;
    }

    private static string Initials(string[] words, bool keepMinor) =>
        string.Concat(words.Where(w => keepMinor || !MinorWords.Contains(w)).Select(w => w[0]));

    private static string StripAccents(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c switch { 'ø' => 'o', 'Ø' => 'O', 'ł' => 'l', 'Ł' => 'L', 'ß' => 's', _ => c });
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    private static string Words(string text)
    {
        var folded = StripAccents(text).ToLowerInvariant().Replace("&", " and ", StringComparison.Ordinal).Replace('+', ' ');
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            // Apostrophes and dots join ("U.S." → "us", "People's" → "peoples"); other punctuation separates words.
            if (c is '\'' or '\u2019' or '.')
            {
                continue;
            }

            builder.Append(char.IsLetterOrDigit(c) ? c : ' ');
        }

        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private static string CoreOf(string words)
    {
        var core = SortNames.Derive(words);
        return core.Length > 0 ? core : words;
    }

    private sealed record Entry(
        string Name, string Case, string Accents, string Words, string Core,
        IReadOnlyList<(string Original, string Core)> AliasCores, IReadOnlyList<string> AcronymCandidates, IReadOnlyList<string[]> WordLists)
    {
        public static Entry Of(string name, IReadOnlyList<string> aliases)
        {
            var trimmed = name.Trim();
            var allAliases = aliases.ToList();
            var open = trimmed.LastIndexOf('(');
            var baseName = trimmed;
            if (open > 0 && trimmed.EndsWith(')'))
            {
                allAliases.Add(trimmed[(open + 1)..^1]);
                baseName = trimmed[..open].Trim();
            }

            var words = DuplicateOrganisations.Words(baseName);
            var core = CoreOf(words);
            var aliasCores = allAliases.Select(a => (a.Trim(), CoreOf(DuplicateOrganisations.Words(a)))).Where(a => a.Item2.Length > 0).ToList();
            var acronyms = new[] { baseName }.Concat(allAliases)
                .Select(n => DuplicateOrganisations.Words(n).Replace(" ", string.Empty, StringComparison.Ordinal))
                .Where(n => n.Length is >= 2 and <= 10)
                .Distinct()
                .ToList();
            var wordLists = new[] { baseName }.Concat(allAliases)
                .Select(n => CoreOf(DuplicateOrganisations.Words(n)).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .ToList();
            return new Entry(trimmed, trimmed.ToLowerInvariant(), StripAccents(trimmed).ToLowerInvariant(), words, core, aliasCores, acronyms, wordLists);
        }
    }
}
