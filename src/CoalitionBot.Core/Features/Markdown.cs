using System.Text;

namespace CoalitionBot.Core.Features;

/// <summary>Escapes user text for inclusion in Markdown, so names render literally (no emphasis, links or HTML).</summary>
public static class Markdown
{
    private const string Special = "\\`*_{}[]()<>#+-.!|~&";

    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var ch in text.Replace('\n', ' ').Replace('\r', ' '))
        {
            if (Special.Contains(ch))
            {
                sb.Append('\\');
            }

            sb.Append(ch);
        }

        return sb.ToString();
    }
}
