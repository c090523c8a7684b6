using System.Text.Json.Nodes;
using CoalitionBot.Core.Messages;

namespace CoalitionBot.Slack.Rendering;

/// <summary>
/// Neutral <see cref="Message"/> → Block Kit. Enforces every limit in PROTOCOLS.md by splitting (long memo text
/// across sections, and sections across several messages) rather than failing. All user text is escaped.
/// </summary>
public static class BlockKitRenderer
{
    /// <summary>Renders a message as one or more Slack messages, in order. Buttons stay on the last one.</summary>
    public static IReadOnlyList<SlackMessagePart> Render(Message message)
    {
        var blocks = message.Blocks.SelectMany(RenderBlock).ToList();
        var parts = new List<SlackMessagePart>();
        var current = new JsonArray();
        var characters = 0;
        foreach (var block in blocks)
        {
            var size = block.ToJsonString().Length;
            if (current.Count > 0 && (current.Count == BlockKitLimits.MessageBlocks || characters + size > BlockKitLimits.MessageCharacters))
            {
                parts.Add(new SlackMessagePart(Fallback(message.Summary, parts.Count), current));
                current = [];
                characters = 0;
            }

            current.Add(block);
            characters += size;
        }

        parts.Add(new SlackMessagePart(Fallback(message.Summary, parts.Count), current));
        return parts;
    }

    /// <summary>The App Home view: one view, ≤ 100 blocks; whatever does not fit is replaced by a pointer to /memo list.</summary>
    public static JsonObject RenderHome(Message message)
    {
        var blocks = message.Blocks.SelectMany(RenderBlock).ToList();
        if (blocks.Count > BlockKitLimits.ViewBlocks)
        {
            blocks = blocks.Take(BlockKitLimits.ViewBlocks - 1).ToList();
            blocks.Add(Section(SlackText.Escape("More memos than fit here: send /memo list to see them all.")));
        }

        return new JsonObject { ["type"] = "home", ["blocks"] = new JsonArray([.. blocks]) };
    }

    /// <summary>The JSON body a slash command or response_url reply takes.</summary>
    public static JsonObject ResponseBody(SlackMessagePart part, bool inChannel) => new()
    {
        ["response_type"] = inChannel ? "in_channel" : "ephemeral",
        ["text"] = part.Text,
        ["blocks"] = part.Blocks.DeepClone(),
    };

    private static string Fallback(string summary, int index)
    {
        var text = SlackText.Escape(string.IsNullOrWhiteSpace(summary) ? "CoalitionBot" : summary);
        return SlackText.Truncate(index == 0 ? text : text + " (continued)", BlockKitLimits.MessageText);
    }

    private static IEnumerable<JsonObject> RenderBlock(Block block) => block switch
    {
        TextBlock text => RenderText(text),
        MemoExcerptBlock memo => RenderMemo(memo),
        FieldsBlock fields => RenderFields(fields),
        ButtonsBlock buttons => RenderButtons(buttons),
        _ => throw new NotSupportedException($"Block {block.GetType().Name} has no Slack rendering."),
    };

    private static IEnumerable<JsonObject> RenderText(TextBlock block)
    {
        if (block.Strong && block.Text.Length <= BlockKitLimits.HeaderText && !block.Text.Contains('\n'))
        {
            yield return new JsonObject { ["type"] = "header", ["text"] = SlackText.Plain(block.Text, BlockKitLimits.HeaderText) };
            yield break;
        }

        var escaped = SlackText.Escape(block.Text);
        foreach (var chunk in Chunk([block.Strong ? "*" + escaped + "*" : escaped]))
        {
            yield return Section(chunk);
        }
    }

    private static IEnumerable<JsonObject> RenderMemo(MemoExcerptBlock block)
    {
        var title = $"{block.MemoCode} · {block.Title}";
        yield return new JsonObject { ["type"] = "header", ["text"] = SlackText.Plain(title, BlockKitLimits.HeaderText) };
        foreach (var chunk in Chunk(MrkdwnConverter.Convert(block.Markdown)))
        {
            yield return Section(chunk);
        }

        if (block.Truncated)
        {
            yield return new JsonObject
            {
                ["type"] = "context",
                ["elements"] = new JsonArray(SlackText.Mrkdwn("_Excerpt: use “Read full text” for the whole memo._")),
            };
        }
    }

    private static IEnumerable<JsonObject> RenderFields(FieldsBlock block)
    {
        foreach (var group in block.Fields.Chunk(BlockKitLimits.SectionFields))
        {
            var fields = new JsonArray();
            foreach (var field in group)
            {
                var label = "*" + SlackText.Escape(field.Label) + "*\n";
                fields.Add(SlackText.Mrkdwn(SlackText.Truncate(label + SlackText.Escape(field.Value), BlockKitLimits.FieldText)));
            }

            yield return new JsonObject { ["type"] = "section", ["fields"] = fields };
        }
    }

    private static IEnumerable<JsonObject> RenderButtons(ButtonsBlock block)
    {
        var index = 0;
        foreach (var group in block.Buttons.Chunk(BlockKitLimits.ActionsElements))
        {
            var elements = new JsonArray();
            foreach (var button in group)
            {
                elements.Add(RenderButton(button, index++));
            }

            yield return new JsonObject { ["type"] = "actions", ["elements"] = elements };
        }
    }

    private static JsonObject RenderButton(Button button, int index)
    {
        var element = new JsonObject
        {
            ["type"] = "button",
            ["text"] = SlackText.Plain(button.Label, BlockKitLimits.ButtonText),
            ["action_id"] = SlackActionId.Encode(button.ActionId, index),
            ["value"] = SlackText.Truncate(button.Value, BlockKitLimits.ButtonValue),
        };
        if (button.Url is { Length: <= BlockKitLimits.ButtonUrl } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http")
        {
            element["url"] = uri.AbsoluteUri;
        }

        if (button.Style != ButtonStyle.Default)
        {
            element["style"] = button.Style == ButtonStyle.Primary ? "primary" : "danger";
        }

        return element;
    }

    private static JsonObject Section(string escapedText) => new() { ["type"] = "section", ["text"] = SlackText.Mrkdwn(escapedText) };

    /// <summary>Packs escaped paragraphs into chunks of ≤ 3,000 characters, splitting over-long ones at line or word breaks.</summary>
    private static IEnumerable<string> Chunk(IEnumerable<string> paragraphs)
    {
        var current = new System.Text.StringBuilder();
        foreach (var paragraph in paragraphs.SelectMany(SplitLong))
        {
            if (current.Length > 0 && current.Length + 2 + paragraph.Length > BlockKitLimits.SectionText)
            {
                yield return current.ToString();
                current.Clear();
            }

            if (current.Length > 0)
            {
                current.Append("\n\n");
            }

            current.Append(paragraph);
        }

        if (current.Length > 0)
        {
            yield return current.ToString();
        }
    }

    private static IEnumerable<string> SplitLong(string text)
    {
        var rest = text;
        while (rest.Length > BlockKitLimits.SectionText)
        {
            var window = rest[..BlockKitLimits.SectionText];
            var cut = window.LastIndexOf('\n');
            if (cut < BlockKitLimits.SectionText / 2)
            {
                cut = window.LastIndexOf(' ');
            }

            if (cut < BlockKitLimits.SectionText / 2)
            {
                cut = BlockKitLimits.SectionText;
                var amp = window.LastIndexOf('&');
                if (amp > BlockKitLimits.SectionText - 6 && window.IndexOf(';', amp) < 0)
                {
                    cut = amp;
                }

                if (char.IsHighSurrogate(rest[cut - 1]))
                {
                    cut--;
                }
            }

            yield return rest[..cut].TrimEnd();
            rest = rest[cut..].TrimStart();
        }

        yield return rest;
    }
}
