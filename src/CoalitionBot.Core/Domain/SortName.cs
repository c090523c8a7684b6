namespace CoalitionBot.Core.Domain;

/// <summary>Derives the alphabetising key of an organisation name: a leading article is ignored.</summary>
public static class SortName
{
    private static readonly string[] Articles = ["The ", "A ", "An ", "Le ", "La ", "Les ", "L'", "L’", "El ", "Los ", "Las ", "Die ", "Der ", "Das "];

    public static string Derive(string name)
    {
        var trimmed = name.Trim();
        foreach (var article in Articles)
        {
            if (trimmed.Length > article.Length && trimmed.StartsWith(article, StringComparison.OrdinalIgnoreCase))
            {
                return trimmed[article.Length..].TrimStart();
            }
        }

        return trimmed;
    }
}
