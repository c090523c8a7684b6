using System.Globalization;

namespace CoalitionBot.Documents;

/// <summary>"1 signer", "3 signers", "1 reply", "2 replies": counts in replies say the word the number needs, never "signer(s)".</summary>
public static class Counted
{
    /// <summary>The number and the noun, singular for exactly one; <paramref name="plural"/> when the plural is not the noun plus "s" (or "y" → "ies").</summary>
    public static string Of(int count, string singular, string? plural = null) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + Word(count, singular, plural);

    /// <summary>The noun alone, as <see cref="Of"/> would write it.</summary>
    public static string Word(int count, string singular, string? plural = null)
    {
        ArgumentNullException.ThrowIfNull(singular);
        if (count == 1)
        {
            return singular;
        }

        return plural ?? (singular.EndsWith('y') && singular.Length > 1 && !"aeiou".Contains(singular[^2], StringComparison.Ordinal)
            ? singular[..^1] + "ies"
            : singular + "s");
    }

    /// <summary>"is" or "are" for the count.</summary>
    public static string Be(int count) => count == 1 ? "is" : "are";
}
