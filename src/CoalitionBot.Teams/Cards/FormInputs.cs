using System.Text.Json.Nodes;
using CoalitionBot.Core.Messages;

namespace CoalitionBot.Teams.Cards;

/// <summary>Renders one form field as Adaptive Card inputs. Client-side checks (isRequired, maxLength) are a courtesy: the core validates again.</summary>
internal static class FormInputs
{
    public static IEnumerable<JsonObject> Render(FormField field)
    {
        switch (field.Kind)
        {
            case FormFieldKind.ShortText:
            case FormFieldKind.LongText:
                var text = Input("Input.Text", field.Id, field);
                if (field.Kind == FormFieldKind.LongText)
                {
                    text["isMultiline"] = true;
                }

                if (field.MaxLength > 0)
                {
                    text["maxLength"] = field.MaxLength;
                }

                if (!string.IsNullOrWhiteSpace(field.Hint))
                {
                    text["placeholder"] = field.Hint;
                }

                if (field.Initial is not null)
                {
                    text["value"] = field.Initial;
                }

                yield return text;
                break;
            case FormFieldKind.Choice:
                var choices = new JsonArray();
                foreach (var option in field.Options ?? [])
                {
                    choices.Add(new JsonObject { ["title"] = option.Label, ["value"] = option.Value });
                }

                var choice = Input("Input.ChoiceSet", field.Id, field);
                choice["choices"] = choices;
                choice["style"] = "compact";
                if (field.Initial is not null)
                {
                    choice["value"] = field.Initial;
                }

                yield return choice;
                foreach (var hint in Hint(field))
                {
                    yield return hint;
                }

                break;
            case FormFieldKind.Checkbox:
                var toggle = Input("Input.Toggle", field.Id, field);
                // Teams renders Markdown in a toggle's title: the attestation names the organisation, which is user text.
                toggle["title"] = CardText.Escape(field.Label);
                toggle["valueOn"] = "true";
                toggle["valueOff"] = "false";
                toggle["value"] = string.Equals(field.Initial, "true", StringComparison.OrdinalIgnoreCase) ? "true" : "false";
                toggle["wrap"] = true;
                yield return toggle;
                foreach (var hint in Hint(field))
                {
                    yield return hint;
                }

                break;
            case FormFieldKind.DateTime:
                // Cards have no date-time input: a date and a time input, joined again when the form comes back.
                DateTimeOffset.TryParse(field.Initial, out var initial);
                var date = Input("Input.Date", field.Id + CardData.DatePartSuffix, field);
                var time = Input("Input.Time", field.Id + CardData.TimePartSuffix, field);
                time["label"] = "Time";
                if (field.Initial is not null)
                {
                    date["value"] = initial.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                    time["value"] = initial.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
                }

                yield return date;
                yield return time;
                foreach (var hint in Hint(field))
                {
                    yield return hint;
                }

                break;
        }
    }

    private static JsonObject Input(string type, string id, FormField field)
    {
        var input = new JsonObject { ["type"] = type, ["id"] = id, ["label"] = field.Label };
        if (field.Required)
        {
            input["isRequired"] = true;
            input["errorMessage"] = $"{field.Label} is required.";
        }

        return input;
    }

    private static IEnumerable<JsonObject> Hint(FormField field)
    {
        if (!string.IsNullOrWhiteSpace(field.Hint))
        {
            var hint = AdaptiveCardRenderer.Text(field.Hint, strong: false);
            hint["isSubtle"] = true;
            hint["size"] = "small";
            yield return hint;
        }
    }
}
