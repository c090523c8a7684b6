namespace CoalitionBot.Documents;

/// <summary>Derives the name an organisation is alphabetised under.</summary>
public static class SortNames
{
    // Articles followed by a space. Elided "L'" is handled separately because it has no space after it.
    private static readonly string[] Articles =
        ["The", "A", "An", "Le", "La", "Les", "El", "Los", "Las", "Die", "Der", "Das"];

    /// <summary>
    /// Drops one leading article ("The Carter Center" → "Carter Center", "L'Observatoire" → "Observatoire") and trims.
    /// Case and accents are left alone: the collation in <see cref="PartnerListBuilder"/> ignores them.
    /// A name that is only an article ("The") is returned trimmed, never empty.
    /// </summary>
    public static string Derive(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var trimmed = name.Trim();
        foreach (var article in Articles)
        {
            if (trimmed.Length > article.Length + 1
                && trimmed.StartsWith(article, StringComparison.OrdinalIgnoreCase)
                && char.IsWhiteSpace(trimmed[article.Length]))
            {
                return trimmed[(article.Length + 1)..].TrimStart();
            }
        }

        if (trimmed.Length > 2 && (trimmed[0] is 'L' or 'l') && trimmed[1] is '\'' or '\u2019' && char.IsLetter(trimmed[2]))
        {
            return trimmed[2..];
        }

        return trimmed;
    }
}
