using CoalitionBot.Documents;

namespace CoalitionBot.Core.Downloads;

/// <summary>
/// How a coordinator wants the list compiled: what happens to late and to not-yet-reconfirmed sign-ons, and
/// whether countries are shown, and (for Word files) the paper. It travels inside download links so every file matches the chat list.
/// </summary>
public sealed record ListChoice(ListInclusion Late = ListInclusion.Mark, ListInclusion Unconfirmed = ListInclusion.Exclude, bool Countries = false,
    PaperSize Paper = PaperSize.ByCulture)
{
    public static ListChoice Default { get; } = new();

    /// <summary>The choice in the words `compile` takes ("late mark unconfirmed exclude countries a4"), for a button that compiles it again.</summary>
    public string ToWords() =>
        $"late {Late.ToString().ToLowerInvariant()} unconfirmed {Unconfirmed.ToString().ToLowerInvariant()}{(Countries ? " countries" : "")}{(Paper == PaperSize.ByCulture ? "" : " " + Paper.ToString().ToLowerInvariant())}";

    /// <summary>
    /// What the choice does, in the coordinator's words: where late and not re-confirmed sign-ons go — each said only
    /// when there are some (<paramref name="anyLate"/>, <paramref name="anyUnconfirmed"/>).
    /// </summary>
    public string Explain(bool anyLate = true, bool anyUnconfirmed = true)
    {
        var late = Late switch
        {
            ListInclusion.Mark => "Sign-ons after the deadline are marked † (‖ when after you closed it early).",
            ListInclusion.Include => "Sign-ons after the deadline are listed like the others.",
            _ => "Sign-ons after the deadline are left off (named below).",
        };
        var unconfirmed = Unconfirmed switch
        {
            ListInclusion.Exclude => "Organisations that signed an earlier version and have not re-confirmed are left off (named below).",
            ListInclusion.Mark => "Organisations that signed an earlier version and have not re-confirmed are listed, marked ‡.",
            _ => "Organisations that signed an earlier version and have not re-confirmed are listed like the others.",
        };
        var extras = (Countries ? " Each organisation's country is shown." : "")
            + (Paper == PaperSize.ByCulture ? "" : Paper == PaperSize.A4 ? " Word files on A4 paper." : " Word files on US Letter paper.");
        return string.Join(" ", new[] { anyLate ? late : null, anyUnconfirmed ? unconfirmed : null }.OfType<string>()) + extras;
    }

    /// <summary>
    /// Reads "late include|mark|exclude", "unconfirmed include|mark|exclude" and "countries" in any order.
    /// Returns null with <paramref name="error"/> set when a word is not understood.
    /// </summary>
    public static ListChoice? Parse(string text, out string? error)
    {
        error = null;
        var choice = Default;
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i].ToLowerInvariant();
            if (word is "countries" or "country")
            {
                choice = choice with { Countries = true };
                continue;
            }

            if (word is "a4" or "letter")
            {
                choice = choice with { Paper = word == "a4" ? PaperSize.A4 : PaperSize.Letter };
                continue;
            }

            if (word is not ("late" or "unconfirmed") || i + 1 >= words.Length || !TryInclusion(words[i + 1], out var inclusion))
            {
                error = $"I don't understand \"{string.Join(' ', words[i..Math.Min(words.Length, i + 2)])}\". After the memo code write `late include|mark|exclude`, `unconfirmed include|mark|exclude` `countries` and/or `a4` / `letter` (the Word files' paper).";
                return null;
            }

            choice = word == "late" ? choice with { Late = inclusion } : choice with { Unconfirmed = inclusion };
            i++;
        }

        return choice;
    }

    internal static bool TryInclusion(string word, out ListInclusion inclusion) =>
        Enum.TryParse(word, ignoreCase: true, out inclusion) && Enum.IsDefined(inclusion) && !int.TryParse(word, out _);
}
