using System.Globalization;

namespace CoalitionBot.Core.Domain;

/// <summary>Formats and parses memo codes ("M-12", also accepted as "m12" or "12").</summary>
public static class MemoCode
{
    public static string Format(int number) => "M-" + number.ToString(CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, out int number)
    {
        number = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var t = text.Trim();
        if (t.StartsWith('M') || t.StartsWith('m'))
        {
            t = t[1..];
            if (t.StartsWith('-'))
            {
                t = t[1..];
            }
        }

        return int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out number) && number > 0;
    }
}
