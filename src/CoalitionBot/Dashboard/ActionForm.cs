namespace CoalitionBot.Dashboard;

/// <summary>
/// A form that runs one chat command through the dashboard's action endpoint. Its nonce becomes the inbound
/// item's delivery id, so a double click or a resent form takes effect once.
/// </summary>
internal static class ActionForm
{
    public static string Open(string memoCode, string action, string antiforgery, string css = "db-act") =>
        $"<form method=\"post\" action=\"/dashboard/memos/{Html.E(memoCode)}/act\" class=\"{css}\" data-act>{antiforgery}"
        + $"<input type=\"hidden\" name=\"action\" value=\"{Html.A(action)}\"><input type=\"hidden\" name=\"nonce\" value=\"{Guid.NewGuid():N}\">";

    public static string Hidden(string name, string value) => $"<input type=\"hidden\" name=\"{Html.A(name)}\" value=\"{Html.A(value)}\">";

    /// <summary>A one-button form, for example "Resolve #3" or "Approve".</summary>
    public static string Button(string memoCode, string action, string antiforgery, string label, string accessibleName, params (string Name, string Value)[] fields) =>
        Open(memoCode, action, antiforgery, "db-act db-inline") + string.Concat(fields.Select(f => Hidden(f.Name, f.Value)))
        + $"<button type=\"submit\" aria-label=\"{Html.A(accessibleName)}\">{Html.E(label)}</button></form>";
}
