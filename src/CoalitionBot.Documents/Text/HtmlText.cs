using System.Buffers;
using System.Text;

namespace CoalitionBot.Documents;

/// <summary>HTML escaping for user text in element content and quoted attribute values.</summary>
internal static class HtmlText
{
    private static readonly SearchValues<char> Special = SearchValues.Create("<>&\"'");

    /// <summary>A user field in element content: escaped, and isolated in a &lt;bdi&gt; when it needs it (<see cref="BidiText.Html"/>).</summary>
    public static string User(string? text) => BidiText.Html(text, Escape);

    public static string Escape(string? text)
    {
        text = BidiText.Balance(text);
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        if (!text.AsSpan().ContainsAny(Special) && !HasControl(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            switch (c)
            {
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '&': builder.Append("&amp;"); break;
                case '"': builder.Append("&quot;"); break;
                case '\'': builder.Append("&#39;"); break;
                default:
                    if (!char.IsControl(c) || c is '\n' or '\t')
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.ToString();
    }

    private static bool HasControl(string text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }
}
