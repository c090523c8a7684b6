using System.Net;
using System.Text.RegularExpressions;

namespace CoalitionBot.Tests.SignOnPage;

/// <summary>Uses the sign-on page as a browser without script would: GET it, find a form by its button, POST it with the hidden fields it carries.</summary>
internal sealed partial class PageClient(HttpClient http)
{
    public string Html { get; private set; } = "";

    public HttpResponseMessage? Response { get; private set; }

    public async Task<PageClient> OpenAsync(string path)
    {
        await Keep(await http.GetAsync(path));
        return this;
    }

    /// <summary>Submits the form whose submit button says <paramref name="button"/>, with these fields added or changed.</summary>
    public async Task<PageClient> SubmitAsync(string button, Dictionary<string, string>? fields = null, bool withAntiforgery = true)
    {
        var form = FormWith(button);
        var values = new Dictionary<string, string>(form.Hidden);
        foreach (var (k, v) in fields ?? [])
        {
            values[k] = v;
        }

        if (!withAntiforgery)
        {
            values.Remove("__RequestVerificationToken");
        }

        await Keep(await http.PostAsync(form.Action, new FormUrlEncodedContent(values)));
        return this;
    }

    /// <summary>The form as it is on the page now, so a test can send it twice (a double click).</summary>
    public (string Action, Dictionary<string, string> Hidden) FormWith(string button)
    {
        foreach (Match match in FormPattern().Matches(Html))
        {
            var inner = match.Groups[2].Value;
            if (ButtonPattern().Matches(inner).Any(b => WebUtility.HtmlDecode(b.Groups[1].Value).Trim() == button))
            {
                return (WebUtility.HtmlDecode(match.Groups[1].Value), Values(inner));
            }
        }

        throw new InvalidOperationException($"No form with a \"{button}\" button on the page:\n{Html}");
    }

    /// <summary>What a browser would send as the form stands: hidden and text inputs, checked boxes, selected options, text areas.</summary>
    private static Dictionary<string, string> Values(string form)
    {
        var values = new Dictionary<string, string>();
        foreach (Match input in InputPattern().Matches(form))
        {
            var attributes = input.Value;
            var name = Attribute(attributes, "name");
            var isCheckbox = attributes.Contains("type=\"checkbox\"", StringComparison.Ordinal);
            if (name is not null && (!isCheckbox || attributes.Contains(" checked", StringComparison.Ordinal)))
            {
                values[name] = Attribute(attributes, "value") ?? "";
            }
        }

        foreach (Match select in SelectPattern().Matches(form))
        {
            var selected = SelectedPattern().Match(select.Groups[2].Value);
            values[WebUtility.HtmlDecode(select.Groups[1].Value)] = selected.Success ? WebUtility.HtmlDecode(selected.Groups[1].Value) : "";
        }

        foreach (Match area in TextAreaPattern().Matches(form))
        {
            values[WebUtility.HtmlDecode(area.Groups[1].Value)] = WebUtility.HtmlDecode(area.Groups[2].Value);
        }

        return values;
    }

    private static string? Attribute(string tag, string name) =>
        Regex.Match(tag, $"\\s{name}=\"([^\"]*)\"") is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

    public async Task<PageClient> PostRawAsync(string action, Dictionary<string, string> values)
    {
        await Keep(await http.PostAsync(action, new FormUrlEncodedContent(values)));
        return this;
    }

    /// <summary>The page's text as a reader sees it: no tags, one space between words.</summary>
    public string Text => SpacePattern().Replace(WebUtility.HtmlDecode(TagPattern().Replace(Html, " ")), " ");

    private async Task Keep(HttpResponseMessage response)
    {
        Response = response;
        Html = await response.Content.ReadAsStringAsync();
    }

    [GeneratedRegex("<form\\b[^>]*\\baction=\"([^\"]*)\"[^>]*>(.*?)</form>", RegexOptions.Singleline)]
    private static partial Regex FormPattern();

    [GeneratedRegex("<button type=\"submit\"[^>]*>(.*?)</button>", RegexOptions.Singleline)]
    private static partial Regex ButtonPattern();

    [GeneratedRegex("<input\\b[^>]*>")]
    private static partial Regex InputPattern();

    [GeneratedRegex("<select\\b[^>]*\\bname=\"([^\"]*)\"[^>]*>(.*?)</select>", RegexOptions.Singleline)]
    private static partial Regex SelectPattern();

    [GeneratedRegex("<option value=\"([^\"]*)\" selected>")]
    private static partial Regex SelectedPattern();

    [GeneratedRegex("<textarea\\b[^>]*\\bname=\"([^\"]*)\"[^>]*>(.*?)</textarea>", RegexOptions.Singleline)]
    private static partial Regex TextAreaPattern();

    [GeneratedRegex("\\s+")]
    private static partial Regex SpacePattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();
}
