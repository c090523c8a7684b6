using System.Text.Json.Nodes;

namespace CoalitionBot.Testing.Slack;

/// <summary>
/// Slack's Block Kit limits as PROTOCOLS.md lists them, checked the way Slack would (invalid_blocks with reasons).
/// Independent of the adapter's renderer on purpose: it must catch the renderer's mistakes.
/// </summary>
public static class BlockKitValidator
{
    public static List<string> ValidateMessage(JsonNode? blocks, string? text)
    {
        var errors = new List<string>();
        if (text is { Length: > 4000 })
        {
            errors.Add("text must be at most 4000 characters");
        }

        if (blocks is null)
        {
            return errors;
        }

        if (blocks is not JsonArray array)
        {
            errors.Add("blocks must be an array");
            return errors;
        }

        if (array.Count > 50)
        {
            errors.Add($"no more than 50 items allowed [json-pointer:/blocks] ({array.Count})");
        }

        ValidateBlocks(array, errors, inView: false);
        return errors;
    }

    public static List<string> ValidateView(JsonNode? node)
    {
        var errors = new List<string>();
        if (node is not JsonObject view)
        {
            errors.Add("view must be an object");
            return errors;
        }

        var type = (string?)view["type"];
        if (type is not ("modal" or "home"))
        {
            errors.Add("view.type must be modal or home");
        }

        if (view["blocks"] is not JsonArray blocks)
        {
            errors.Add("view.blocks is required");
            return errors;
        }

        if (blocks.Count > 100)
        {
            errors.Add("no more than 100 items allowed [json-pointer:/view/blocks]");
        }

        if (type == "modal")
        {
            Text(view["title"], "title", 24, errors, plainOnly: true, required: true);
            Text(view["submit"], "submit", 24, errors, plainOnly: true, required: blocks.Any(b => (string?)b?["type"] == "input"));
            Text(view["close"], "close", 24, errors, plainOnly: true, required: false);
        }

        Max((string?)view["private_metadata"], 3000, "private_metadata", errors);
        Max((string?)view["callback_id"], 255, "callback_id", errors);
        ValidateBlocks(blocks, errors, inView: true);
        return errors;
    }

    private static void ValidateBlocks(JsonArray blocks, List<string> errors, bool inView)
    {
        var blockIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < blocks.Count; i++)
        {
            if (blocks[i] is not JsonObject block)
            {
                errors.Add($"block {i} is not an object");
                continue;
            }

            var where = $"blocks[{i}]";
            if ((string?)block["block_id"] is { } blockId)
            {
                Max(blockId, 255, where + ".block_id", errors);
                if (!blockIds.Add(blockId))
                {
                    errors.Add($"{where}.block_id is duplicated");
                }
            }

            switch ((string?)block["type"])
            {
                case "section":
                    var hasText = block["text"] is not null;
                    if (hasText)
                    {
                        Text(block["text"], where + ".text", 3000, errors, plainOnly: false, required: true);
                    }

                    if (block["fields"] is JsonArray fields)
                    {
                        if (fields.Count > 10)
                        {
                            errors.Add($"{where}.fields: no more than 10 items allowed");
                        }

                        foreach (var field in fields)
                        {
                            Text(field, where + ".fields[]", 2000, errors, plainOnly: false, required: true);
                        }
                    }
                    else if (!hasText)
                    {
                        errors.Add($"{where}: section needs text or fields");
                    }

                    break;
                case "header":
                    Text(block["text"], where + ".text", 150, errors, plainOnly: true, required: true);
                    break;
                case "context":
                    if (block["elements"] is not JsonArray { Count: > 0 and <= 10 } elements)
                    {
                        errors.Add($"{where}.elements must hold 1 to 10 items");
                        break;
                    }

                    foreach (var element in elements)
                    {
                        Text(element, where + ".elements[]", 3000, errors, plainOnly: false, required: true);
                    }

                    break;
                case "actions":
                    Actions(block, where, errors);
                    break;
                case "divider":
                    break;
                case "input" when inView:
                    Input(block, where, errors);
                    break;
                default:
                    errors.Add($"{where}: unsupported block type {(string?)block["type"]}");
                    break;
            }
        }
    }

    private static void Actions(JsonObject block, string where, List<string> errors)
    {
        if (block["elements"] is not JsonArray { Count: > 0 } elements)
        {
            errors.Add($"{where}.elements must not be empty");
            return;
        }

        if (elements.Count > 25)
        {
            errors.Add($"{where}.elements: no more than 25 items allowed");
        }

        var actionIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in elements.OfType<JsonObject>())
        {
            if ((string?)element["type"] != "button")
            {
                errors.Add($"{where}: unsupported element {(string?)element["type"]}");
                continue;
            }

            Text(element["text"], where + ".button.text", 75, errors, plainOnly: true, required: true);
            var actionId = (string?)element["action_id"];
            Max(actionId, 255, where + ".action_id", errors);
            if (actionId is not null && !actionIds.Add(actionId))
            {
                errors.Add($"{where}: action_id {actionId} is not unique in its block");
            }

            Max((string?)element["value"], 2000, where + ".value", errors);
            Max((string?)element["url"], 3000, where + ".url", errors);
            if ((string?)element["style"] is { } style && style is not ("primary" or "danger"))
            {
                errors.Add($"{where}: style must be primary or danger");
            }
        }
    }

    private static void Input(JsonObject block, string where, List<string> errors)
    {
        Text(block["label"], where + ".label", 2000, errors, plainOnly: true, required: true);
        if (block["hint"] is not null)
        {
            Text(block["hint"], where + ".hint", 2000, errors, plainOnly: true, required: true);
        }

        if (block["element"] is not JsonObject element)
        {
            errors.Add($"{where}.element is required");
            return;
        }

        Max((string?)element["action_id"], 255, where + ".element.action_id", errors);
        switch ((string?)element["type"])
        {
            case "plain_text_input":
                var max = element["max_length"]?.GetValue<int>() ?? 3000;
                if (max > 3000 || max < 1)
                {
                    errors.Add($"{where}.element.max_length must be 1..3000");
                }

                if ((string?)element["initial_value"] is { } initial && initial.Length > max)
                {
                    errors.Add($"{where}.element.initial_value is longer than max_length");
                }

                if (element["placeholder"] is not null)
                {
                    Text(element["placeholder"], where + ".placeholder", 150, errors, plainOnly: true, required: true);
                }

                break;
            case "static_select":
            case "checkboxes":
                var limit = (string?)element["type"] == "checkboxes" ? 10 : 100;
                if (element["options"] is not JsonArray { Count: > 0 } options || options.Count > limit)
                {
                    errors.Add($"{where}.element.options must hold 1 to {limit} items");
                    break;
                }

                foreach (var option in options)
                {
                    Text(option?["text"], where + ".option.text", 75, errors, plainOnly: false, required: true);
                    Max((string?)option?["value"], 150, where + ".option.value", errors);
                }

                break;
            case "datetimepicker":
                break;
            default:
                errors.Add($"{where}: unsupported input element {(string?)element["type"]}");
                break;
        }
    }

    private static void Text(JsonNode? node, string where, int max, List<string> errors, bool plainOnly, bool required)
    {
        if (node is null)
        {
            if (required)
            {
                errors.Add($"{where} is required");
            }

            return;
        }

        var type = (string?)node["type"];
        if (type is not ("plain_text" or "mrkdwn") || (plainOnly && type != "plain_text"))
        {
            errors.Add($"{where} must be a {(plainOnly ? "plain_text" : "text")} object");
        }

        var text = (string?)node["text"];
        if (string.IsNullOrEmpty(text))
        {
            errors.Add($"{where}.text must not be empty");
        }
        else if (text.Length > max)
        {
            errors.Add($"{where}.text must be at most {max} characters ({text.Length})");
        }
    }

    private static void Max(string? value, int max, string where, List<string> errors)
    {
        if (value is { } v && v.Length > max)
        {
            errors.Add($"{where} must be at most {max} characters ({v.Length})");
        }
    }
}
