using System.Text;

namespace CoalitionBot.Documents;

/// <summary>Renders a memo to sanitised HTML: no raw HTML, only http/https/mailto links, every § block anchored.</summary>
public static class MemoHtml
{
    /// <summary>
    /// An HTML fragment: an &lt;article&gt; holding one &lt;div class="memo-para" id="p3"&gt; per numbered block,
    /// optionally starting with a visible "§3" self-link so readers can cite and comment on it.
    /// </summary>
    public static string Render(MemoDocument memo, MemoHtmlOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(memo);
        options ??= MemoHtmlOptions.Default;
        var prefix = HtmlText.Escape(options.AnchorPrefix);
        var html = new StringBuilder();
        html.Append("<article class=\"memo\">\n");
        foreach (var paragraph in memo.Paragraphs)
        {
            var number = paragraph.Number;
            html.Append("<div class=\"memo-para\" id=\"").Append(prefix).Append(number).Append("\">");
            if (options.ShowParagraphMarkers)
            {
                html.Append("<a class=\"memo-para-marker\" href=\"#").Append(prefix).Append(number)
                    .Append("\" aria-label=\"paragraph ").Append(number).Append("\">§").Append(number).Append("</a>");
            }

            html.Append('\n').Append(MemoHtmlWriter.Html(paragraph.Block).TrimEnd('\n')).Append("\n</div>\n");
        }

        html.Append("</article>\n");
        return html.ToString();
    }
}
