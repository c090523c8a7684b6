using System.Globalization;
using System.Text.Json.Nodes;
using CoalitionBot.Core.Messages;
using CoalitionBot.Slack.Receiving;

namespace CoalitionBot.Slack.Rendering;

/// <summary>
/// Neutral <see cref="Form"/> → Slack modal, and a view_submission's state back to field values.
/// block_id = field id so <c>response_action: errors</c> lands on the right field; action_id is always "value".
/// </summary>
public static class ModalRenderer
{
    public const string ValueActionId = "value";

    public static JsonObject Render(Form form, string? channelId)
    {
        var metadata = new FormMetadata(form.FormId, form.Context, channelId).Serialize();
        if (metadata.Length > BlockKitLimits.PrivateMetadata)
        {
            throw new InvalidOperationException($"Form {form.FormId} context is too long for a modal's private_metadata.");
        }

        var blocks = new JsonArray();
        if (!string.IsNullOrWhiteSpace(form.Intro))
        {
            blocks.Add(new JsonObject { ["type"] = "section", ["text"] = SlackText.Mrkdwn(SlackText.Truncate(SlackText.Escape(form.Intro), BlockKitLimits.SectionText)) });
        }

        foreach (var field in form.Fields.Take(BlockKitLimits.ViewBlocks - blocks.Count))
        {
            blocks.Add(RenderField(field));
        }

        return new JsonObject
        {
            ["type"] = "modal",
            ["callback_id"] = SlackText.Truncate(form.FormId, BlockKitLimits.Id),
            ["title"] = SlackText.Plain(form.Title, BlockKitLimits.ViewTitle),
            ["submit"] = SlackText.Plain(form.SubmitLabel, BlockKitLimits.ViewTitle),
            ["close"] = SlackText.Plain("Cancel", BlockKitLimits.ViewTitle),
            ["private_metadata"] = metadata,
            ["blocks"] = blocks,
        };
    }

    /// <summary>Reads every input block's value: text as typed, a choice's value, "true"/"false" for a checkbox, ISO 8601 UTC for a date.</summary>
    private static readonly long MinUnixSeconds = DateTimeOffset.MinValue.ToUnixTimeSeconds();
    private static readonly long MaxUnixSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    public static Dictionary<string, string?> ReadValues(JsonObject? stateValues)
    {
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (stateValues is null)
        {
            return fields;
        }

        foreach (var (blockId, actions) in stateValues)
        {
            if (actions is not JsonObject byAction || byAction.FirstOrDefault(a => a.Key == ValueActionId).Value is not JsonObject element)
            {
                continue;
            }

            // Values of the wrong JSON type read as "no value", never as an exception: the form's validation answers them.
            fields[blockId] = element.Str("type") switch
            {
                "static_select" => element.Obj("selected_option").Str("value"),
                "checkboxes" => element["selected_options"] is JsonArray { Count: > 0 } ? "true" : "false",
                "datetimepicker" => element["selected_date_time"] is JsonValue seconds && seconds.TryGetValue<long>(out var unix)
                    && unix >= MinUnixSeconds && unix <= MaxUnixSeconds
                    ? DateTimeOffset.FromUnixTimeSeconds(unix).ToString("o", CultureInfo.InvariantCulture)
                    : null,
                _ => element.Str("value"),
            };
        }

        return fields;
    }

    private static JsonObject RenderField(FormField field)
    {
        var input = new JsonObject
        {
            ["type"] = "input",
            ["block_id"] = SlackText.Truncate(field.Id, BlockKitLimits.Id),
            ["label"] = SlackText.Plain(field.Label, BlockKitLimits.Label),
            ["optional"] = !field.Required,
            ["element"] = RenderElement(field),
        };
        if (!string.IsNullOrWhiteSpace(field.Hint))
        {
            input["hint"] = SlackText.Plain(field.Hint, BlockKitLimits.Label);
        }

        return input;
    }

    private static JsonObject RenderElement(FormField field)
    {
        switch (field.Kind)
        {
            case FormFieldKind.Choice:
                var options = new JsonArray();
                JsonObject? initial = null;
                foreach (var option in (field.Options ?? []).Take(BlockKitLimits.SelectOptions))
                {
                    var rendered = Option(option.Label, option.Value);
                    options.Add(rendered);
                    if (option.Value == field.Initial)
                    {
                        initial = (JsonObject)rendered.DeepClone();
                    }
                }

                var select = new JsonObject { ["type"] = "static_select", ["action_id"] = ValueActionId, ["options"] = options };
                if (initial is not null)
                {
                    select["initial_option"] = initial;
                }

                return select;
            case FormFieldKind.Checkbox:
                var box = Option(field.Label, "true");
                var checkboxes = new JsonObject { ["type"] = "checkboxes", ["action_id"] = ValueActionId, ["options"] = new JsonArray(box) };
                if (string.Equals(field.Initial, "true", StringComparison.OrdinalIgnoreCase))
                {
                    checkboxes["initial_options"] = new JsonArray(box.DeepClone());
                }

                return checkboxes;
            case FormFieldKind.DateTime:
                var picker = new JsonObject { ["type"] = "datetimepicker", ["action_id"] = ValueActionId };
                if (DateTimeOffset.TryParse(field.Initial, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when))
                {
                    picker["initial_date_time"] = when.ToUnixTimeSeconds();
                }

                return picker;
            default:
                var text = new JsonObject
                {
                    ["type"] = "plain_text_input",
                    ["action_id"] = ValueActionId,
                    ["multiline"] = field.Kind == FormFieldKind.LongText,
                };
                if (field.MaxLength > 0)
                {
                    text["max_length"] = Math.Min(field.MaxLength, BlockKitLimits.InputMaxLength);
                }

                if (!string.IsNullOrEmpty(field.Initial))
                {
                    text["initial_value"] = field.MaxLength > 0 && field.Initial.Length > Math.Min(field.MaxLength, BlockKitLimits.InputMaxLength)
                        ? field.Initial[..Math.Min(field.MaxLength, BlockKitLimits.InputMaxLength)]
                        : field.Initial;
                }

                return text;
        }
    }

    private static JsonObject Option(string label, string value)
    {
        // Choice values longer than Slack allows cannot round-trip; fail loudly rather than submit a different value.
        if (value.Length > BlockKitLimits.OptionValue)
        {
            throw new InvalidOperationException("A form option value is longer than Slack's 150 characters.");
        }

        return new JsonObject
        {
            ["text"] = SlackText.Plain(label, BlockKitLimits.OptionText),
            ["value"] = value,
        };
    }
}
