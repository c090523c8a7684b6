using CoalitionBot.Core.Conversation;
using CoalitionBot.Documents;

namespace CoalitionBot.Core.Receiving;

/// <summary>
/// The one place user text is cleaned on its way in to the core, whatever brought it (Slack, Teams, the web
/// channel, the sign-on page, dashboard actions): control characters are stripped (<see cref="ControlText"/>;
/// commands, button values and form values keep tab and line feed (a button may carry a command); names and ids become one line) and bidi controls unmatched
/// within their value are dropped (<see cref="BidiText.Balance"/>). Identity keys (delivery, user, tenant and
/// conversation ids) are left as the platform sent them. Renderers still isolate each field when they show it.
/// </summary>
public static class InboundText
{
    /// <summary>The inbound item with clean text; the same instance when nothing needed cleaning.</summary>
    public static Inbound Clean(Inbound inbound)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        var actor = inbound.Actor;
        var cleanActor = actor with { DisplayName = OneLine(actor.DisplayName), Email = OneLine(actor.Email), TimeZone = OneLine(actor.TimeZone) };
        InboundContent content = inbound.Content switch
        {
            CommandText c => Same(c.Text, Text(c.Text)) ? c : c with { Text = Text(c.Text)! },
            ButtonAction b => Same(b.ActionId, OneLine(b.ActionId)) && Same(b.Value, Text(b.Value)) ? b : b with { ActionId = OneLine(b.ActionId)!, Value = Text(b.Value)! },
            FormSubmission f => Clean(f),
            _ => inbound.Content,
        };

        return cleanActor == actor && ReferenceEquals(content, inbound.Content) ? inbound : inbound with { Actor = cleanActor, Content = content };
    }

    private static FormSubmission Clean(FormSubmission form)
    {
        var dirty = !Same(form.FormId, OneLine(form.FormId)) || !Same(form.Context, OneLine(form.Context))
            || form.Fields.Any(f => !Same(f.Key, OneLine(f.Key)) || !Same(f.Value, Text(f.Value)));
        if (!dirty)
        {
            return form;
        }

        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (key, value) in form.Fields)
        {
            fields[OneLine(key)!] = Text(value);
        }

        return form with { FormId = OneLine(form.FormId)!, Context = OneLine(form.Context)!, Fields = fields };
    }

    private static string? Text(string? text) => text is null ? null : BidiText.Balance(ControlText.Strip(text, keepLineBreaks: true));

    private static string? OneLine(string? text) => text is null ? null : BidiText.Balance(ControlText.Strip(text, keepLineBreaks: false));

    private static bool Same(string? a, string? b) => string.Equals(a, b, StringComparison.Ordinal);
}
