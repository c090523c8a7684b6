using System.Text;
using System.Text.Encodings.Web;
using CoalitionBot.Core.Messages;
using CoalitionBot.Documents;

namespace CoalitionBot.WebChannel;

/// <summary>
/// Renders neutral messages and forms as HTML fragments for the local web channel. All user text is
/// HTML-encoded; memo Markdown goes through Markdig with raw HTML disabled and unsafe link schemes removed.
/// With a <see cref="HtmlPostTarget"/>, buttons and forms are plain HTML forms that post there (no script needed).
/// </summary>
public static class HtmlRenderer
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    public static string Render(Message message, HtmlPostTarget? post = null)
    {
        var html = new StringBuilder("<div class=\"cb-message\">");
        foreach (var block in message.Blocks)
        {
            switch (block)
            {
                case TextBlock { Strong: true } t:
                    html.Append("<h3>").Append(Text(t.Text)).Append("</h3>");
                    break;
                case TextBlock t:
                    html.Append("<p>").Append(Inline(t.Text)).Append("</p>");
                    break;
                case MemoExcerptBlock m:
                    html.Append("<div class=\"cb-memo\">").Append(MemoHtml(m.Markdown, m.Numbered));
                    if (m.Truncated)
                    {
                        html.Append("<p class=\"cb-more\">… (excerpt: use Read full text)</p>");
                    }

                    html.Append("</div>");
                    break;
                case FieldsBlock f:
                    html.Append("<dl class=\"cb-fields\">");
                    foreach (var field in f.Fields)
                    {
                        html.Append("<dt>").Append(Text(field.Label)).Append("</dt><dd>").Append(Inline(field.Value)).Append("</dd>");
                    }

                    html.Append("</dl>");
                    break;
                case ButtonsBlock b:
                    html.Append("<div class=\"cb-buttons\">");
                    foreach (var button in b.Buttons)
                    {
                        html.Append(post is null ? Button(button) : PostButton(button, post));
                    }

                    html.Append("</div>");
                    break;
            }
        }

        return html.Append("</div>").ToString();
    }

    public static string Render(
        Form form, IReadOnlyDictionary<string, string>? errors = null, IReadOnlyDictionary<string, string?>? values = null, HtmlPostTarget? post = null)
    {
        var html = new StringBuilder();
        html.Append("<form class=\"cb-form\" data-form-id=\"").Append(Attr(form.FormId)).Append("\" data-context=\"").Append(Attr(form.Context)).Append("\" novalidate");
        if (post is not null)
        {
            html.Append(" method=\"post\" action=\"").Append(Attr(post.Action)).Append("\">").Append(post.HiddenFields())
                .Append(Hidden(HtmlPostTarget.FormField, form.FormId)).Append(Hidden(HtmlPostTarget.ContextField, form.Context));
        }
        else
        {
            html.Append('>');
        }

        html.Append("<h3>").Append(Text(form.Title)).Append("</h3>");
        if (form.Intro is not null)
        {
            html.Append("<p>").Append(Inline(form.Intro)).Append("</p>");
        }

        if (errors is { Count: > 0 })
        {
            html.Append("<p class=\"cb-error\" role=\"alert\">Please correct the fields marked below; nothing was saved.</p>");
        }

        foreach (var field in form.Fields)
        {
            var id = "f-" + field.Id;
            var value = values is not null && values.TryGetValue(field.Id, out var v) ? v : field.Initial;
            var error = errors?.GetValueOrDefault(field.Id);
            var described = error is null ? "" : $" aria-invalid=\"true\" aria-describedby=\"e-{Attr(field.Id)}\"";
            html.Append("<div class=\"cb-field\" data-field=\"").Append(Attr(field.Id)).Append("\">");
            if (field.Kind == FormFieldKind.Checkbox)
            {
                html.Append("<label><input type=\"checkbox\" name=\"").Append(Attr(field.Id)).Append("\" value=\"true\"")
                    .Append(value == "true" ? " checked" : "").Append(field.Required ? " required" : "").Append(described).Append("> ").Append(Text(field.Label)).Append("</label>");
            }
            else
            {
                html.Append("<label for=\"").Append(Attr(id)).Append("\">").Append(Text(field.Label)).Append(field.Required ? " *" : "").Append("</label>");
                html.Append(Input(field, id, value, described));
            }

            if (field.Hint is not null)
            {
                html.Append("<small>").Append(Inline(field.Hint)).Append("</small>");
            }

            if (error is not null)
            {
                html.Append("<div class=\"cb-error\" id=\"e-").Append(Attr(field.Id)).Append("\">").Append(Inline(error)).Append("</div>");
            }

            html.Append("</div>");
        }

        html.Append("<button type=\"submit\" class=\"cb-primary\">").Append(Text(form.SubmitLabel)).Append("</button>");
        return html.Append("</form>").ToString();
    }

    private static string Input(FormField field, string id, string? value, string described)
    {
        var common = $" id=\"{Attr(id)}\" name=\"{Attr(field.Id)}\"{(field.Required ? " required" : "")}{described}";
        return field.Kind switch
        {
            FormFieldKind.LongText => $"<textarea{common} rows=\"6\"{MaxLength(field)}>{Attr(value ?? "")}</textarea>",
            FormFieldKind.Choice => $"<select{common}>" + string.Concat((field.Options ?? []).Select(o =>
                $"<option value=\"{Attr(o.Value)}\"{(o.Value == value ? " selected" : "")}>{Text(o.Label)}</option>")) + "</select>",
            FormFieldKind.DateTime => $"<input type=\"text\"{common} placeholder=\"yyyy-MM-dd HH:mm\" value=\"{Attr(value ?? "")}\"{MaxLength(field)}>",
            _ => $"<input type=\"text\"{common} value=\"{Attr(value ?? "")}\"{MaxLength(field)}>",
        };
    }

    private static string PostButton(Button button, HtmlPostTarget post)
    {
        if (button.Url is not null)
        {
            return Button(button);
        }

        var style = button.Style switch { ButtonStyle.Primary => " cb-primary", ButtonStyle.Danger => " cb-danger", _ => "" };
        return $"<form class=\"cb-inline\" method=\"post\" action=\"{Attr(post.Action)}\">{post.HiddenFields()}{Hidden(HtmlPostTarget.ActionField, button.ActionId)}"
            + $"{Hidden(HtmlPostTarget.ValueField, button.Value)}<button type=\"submit\" class=\"cb-button{style}\">{Text(button.Label)}</button></form>";
    }

    private static string Hidden(string name, string value) => $"<input type=\"hidden\" name=\"{Attr(name)}\" value=\"{Attr(value)}\">";

    private static string MaxLength(FormField field) => field.MaxLength > 0 ? $" maxlength=\"{field.MaxLength}\"" : "";

    private static string Button(Button button)
    {
        if (button.Url is not null && IsSafeUrl(button.Url))
        {
            return $"<a class=\"cb-button\" href=\"{Attr(button.Url)}\" target=\"_blank\" rel=\"noopener\">{Text(button.Label)}</a>";
        }

        var style = button.Style switch { ButtonStyle.Primary => " cb-primary", ButtonStyle.Danger => " cb-danger", _ => "" };
        return $"<button type=\"button\" class=\"cb-button{style}\" data-action-id=\"{Attr(button.ActionId)}\" data-value=\"{Attr(button.Value)}\">{Text(button.Label)}</button>";
    }

    /// <summary>Memo Markdown to sanitised HTML by the Documents library (raw HTML shown as text, unsafe links and autolinks removed).</summary>
    public static string MemoHtml(string markdown, bool numbered = true) =>
        Documents.MemoHtml.Render(MemoDocument.Parse(markdown), new MemoHtmlOptions(ShowParagraphMarkers: numbered));

    private static bool IsSafeUrl(string url) => SafeLinks.IsAllowed(url) || (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal));

    // Each line is balanced and, when it holds right-to-left letters or bidi controls, isolated in a <bdi> (BidiText).
    private static string Text(string text) => BidiText.Html(text, Encoder.Encode, "<br>");

    /// <summary>
    /// Text with the one piece of markup replies use: `inline code` for commands, shown as &lt;code&gt; (Slack's mrkdwn
    /// shows the same spans as code). Everything is encoded first; an unpaired backtick stays a backtick; nothing
    /// else (no bold, no links) is interpreted, so user text cannot inject markup.
    /// </summary>
    public static string Inline(string text)
    {
        var parts = text.Split('`');
        var html = new StringBuilder(text.Length + 16);
        for (var i = 0; i < parts.Length; i++)
        {
            var code = i % 2 == 1 && i < parts.Length - 1 && parts[i].Length > 0;
            if (i % 2 == 1 && !code)
            {
                html.Append('`'); // an empty pair, or the last, unpaired backtick
            }

            html.Append(code ? "<code>" + Text(parts[i]) + "</code>" : Text(parts[i]));
            if (i % 2 == 1 && !code && i < parts.Length - 1)
            {
                html.Append('`');
            }
        }

        return html.ToString();
    }

    private static string Attr(string text) => Encoder.Encode(BidiText.Balance(text));
}
