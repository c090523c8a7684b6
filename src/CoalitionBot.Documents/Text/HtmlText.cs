using System.Text;

namespace CoalitionBot.Documents;

/// <summary>HTML escaping for user text in element content and quoted attribute values.</summary>
internal static class HtmlText
{
    /// <summary>A user field in element content: escaped, and isolated in a &lt;bdi&gt; when it needs it (<see cref="BidiText.Html"/>).</summary>
    public static string User(string? text) => BidiText.Html(text, Escape);

    public static string Escape(string? text)
    {
        text = BidiText.Balance(text);
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
