namespace CoalitionBot.WebChannel;

/// <summary>
/// Where rendered buttons and forms post when the page works without script (the web sign-on page): the URL and
/// the hidden inputs every form carries (an antiforgery token and a fresh nonce). The renderer adds the
/// button's action and value, or the form's id and context, under the names below.
/// </summary>
public sealed record HtmlPostTarget(string Action, Func<string> HiddenFields)
{
    public const string ActionField = "cb_action";
    public const string ValueField = "cb_value";
    public const string FormField = "cb_form";
    public const string ContextField = "cb_context";
}
