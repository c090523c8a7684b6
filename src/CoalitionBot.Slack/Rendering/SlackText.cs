using System.Text;
using System.Text.Json.Nodes;

namespace CoalitionBot.Slack.Rendering;

/// <summary>Escaping and text objects: the only place user text becomes Slack text.</summary>
public static class SlackText
{
    /// <summary>
    /// Escapes exactly &amp;, &lt; and &gt; so mentions, links and special commands in user text stay inert; bidi
    /// controls unmatched within their line are dropped (<see cref="Documents.BidiText.Balance"/>), so a name cannot reverse what follows it.
    /// </summary>
    public static string Escape(string text)
    {
        text = Documents.BidiText.Balance(text);
        if (text.AsSpan().IndexOfAny('&', '<', '>') < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            builder.Append(c switch { '&' => "&amp;", '<' => "&lt;", '>' => "&gt;", _ => c.ToString() });
        }

        return builder.ToString();
    }

    /// <summary>Cuts text to <paramref name="max"/> characters with an ellipsis, never inside an escape entity or a surrogate pair.</summary>
    public static string Truncate(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = max - 1;
        var amp = text.LastIndexOf('&', cut - 1, Math.Min(cut, 6));
        if (amp >= 0 && text.IndexOf(';', amp) >= cut)
        {
            cut = amp;
        }

        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return text[..cut] + "…";
    }

    /// <summary>A plain_text object (never parsed by Slack), cut to the limit.</summary>
    public static JsonObject Plain(string text, int max) =>
        new() { ["type"] = "plain_text", ["text"] = Truncate(text.Length == 0 ? " " : Documents.BidiText.Balance(text), max), ["emoji"] = true };

    /// <summary>A mrkdwn object for already-escaped text; verbatim so bare @here / #channel are not auto-linked.</summary>
    public static JsonObject Mrkdwn(string escapedText) =>
        new() { ["type"] = "mrkdwn", ["text"] = escapedText.Length == 0 ? " " : escapedText, ["verbatim"] = true };
}
