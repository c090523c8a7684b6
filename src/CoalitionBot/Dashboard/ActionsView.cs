using System.Text;

namespace CoalitionBot.Dashboard;

/// <summary>The memo's actions as forms; each runs the chat command of the same name.</summary>
internal static class ActionsView
{
    public static string Render(string code, string antiforgery)
    {
        var html = new StringBuilder("<section aria-labelledby=\"actions-h\" class=\"db-card db-actions\"><h2 id=\"actions-h\">Actions</h2>");
        html.Append(ActionForm.Open(code, "nudge", antiforgery))
            .Append("<label for=\"nudge-orgs\">Nudge now</label><input id=\"nudge-orgs\" name=\"organisations\" maxlength=\"4000\" aria-describedby=\"nudge-hint\">")
            .Append("<small id=\"nudge-hint\">Leave empty to remind everyone who has not answered (or must re-confirm), or name organisations separated by commas.</small>")
            .Append("<button type=\"submit\">Nudge</button></form>");
        html.Append(ActionForm.Open(code, "compile", antiforgery))
            .Append("<fieldset><legend>Compile the list</legend>")
            .Append(Choice("compile-late", "late", "Late sign-ons", "mark"))
            .Append(Choice("compile-unconfirmed", "unconfirmed", "Not re-confirmed", "exclude"))
            .Append("<label class=\"db-check\"><input type=\"checkbox\" name=\"countries\" value=\"true\"> Show countries</label>")
            .Append("<label class=\"db-check\"><input type=\"checkbox\" name=\"final\" value=\"true\"> Make the list final (a closed memo; changes then need Reopen)</label>")
            .Append("<button type=\"submit\">Compile</button></fieldset></form>");
        html.Append("<div class=\"db-row\">")
            .Append(ActionForm.Button(code, "circulate", antiforgery, "Circulate", "Circulate " + code))
            .Append(ActionForm.Button(code, "close", antiforgery, "Close", "Close " + code))
            .Append(ActionForm.Button(code, "reopen", antiforgery, "Reopen", "Reopen " + code))
            .Append("</div></section>");
        return html.ToString();
    }

    private static string Choice(string id, string name, string label, string selected) =>
        $"<label for=\"{id}\">{label}</label><select id=\"{id}\" name=\"{name}\">"
        + string.Concat(new[] { "include", "mark", "exclude" }.Select(v => $"<option value=\"{v}\"{(v == selected ? " selected" : "")}>{v}</option>"))
        + "</select>";
}
