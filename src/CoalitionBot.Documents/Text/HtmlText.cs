using System.Text;

namespace CoalitionBot.Documents;

/// <summary>HTML escaping for user text in element content and quoted attribute values.</summary>
internal static class HtmlText
{
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '<' => "&lt;",
                '>' => "&gt;",
                '&' => "&amp;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => char.IsControl(c) && c is not '\n' and not '\t' ? string.Empty : c.ToString(),
            });
        }

        return builder.ToString();
    }
}
