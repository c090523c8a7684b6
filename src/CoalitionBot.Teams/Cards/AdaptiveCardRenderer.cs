using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoalitionBot.Core.Messages;
using CoalitionBot.Teams.Activities;

namespace CoalitionBot.Teams.Cards;

/// <summary>
/// Renders the neutral message model as Adaptive Cards 1.5 for Teams. Long messages are split across several
/// cards so that each activity stays under Teams' ~80 KB message size.
/// </summary>
internal sealed class AdaptiveCardRenderer
{
    /// <summary>Budget for one card's JSON; the activity envelope around it stays well under the 80 KB limit.</summary>
    public const int MaxCardBytes = 70 * 1024;

    public IReadOnlyList<JsonObject> RenderMessage(Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var elements = new List<(JsonObject Element, bool Live)>();
        foreach (var block in message.Blocks)
        {
            foreach (var element in RenderBlock(block))
            {
                elements.Add((element, block is FieldsBlock));
            }
        }

        return Pack(message.Summary, elements, message.LiveMemoCode);
    }

    public JsonObject RenderForm(Form form, IReadOnlyDictionary<string, string>? errors, FormHost host)
    {
        ArgumentNullException.ThrowIfNull(form);
        errors ??= new Dictionary<string, string>();
        var body = new JsonArray { Text(form.Title, strong: true) };
        if (!string.IsNullOrWhiteSpace(form.Intro))
        {
            body.Add(Text(form.Intro, strong: false));
        }

        var fieldIds = form.Fields.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var (key, error) in errors.Where(e => !fieldIds.Contains(e.Key)))
        {
            body.Add(ErrorText(error));
        }

        foreach (var field in form.Fields)
        {
            foreach (var element in FormInputs.Render(field))
            {
                body.Add(element);
            }

            if (errors.TryGetValue(field.Id, out var message))
            {
                body.Add(ErrorText(message));
            }
        }

        var data = new JsonObject { [CardData.FormId] = form.FormId, [CardData.Context] = form.Context };
        JsonObject submit = host == FormHost.Dialog
            ? new JsonObject { ["type"] = "Action.Submit", ["title"] = form.SubmitLabel, ["style"] = "positive", ["data"] = data }
            : new JsonObject
            {
                ["type"] = "Action.Execute",
                ["title"] = form.SubmitLabel,
                ["verb"] = CardData.FormVerbPrefix + form.FormId,
                ["style"] = "positive",
                ["data"] = data,
                ["fallback"] = new JsonObject { ["type"] = "Action.Submit", ["title"] = form.SubmitLabel, ["data"] = data.DeepClone() },
            };

        var card = Card(form.Title, body);
        card["actions"] = new JsonArray { submit };
        return card;
    }

    /// <summary>UTF-8 size of a card as it goes on the wire.</summary>
    public static int SizeOf(JsonNode node) => Encoding.UTF8.GetByteCount(node.ToJsonString(TeamsJson.Options));

    private static IEnumerable<JsonObject> RenderBlock(Block block)
    {
        switch (block)
        {
            case TextBlock text:
                yield return Text(text.Text, text.Strong);
                break;
            case MemoExcerptBlock memo:
                yield return Text($"{memo.MemoCode} · {memo.Title}", strong: true);
                foreach (var element in MarkdownToCard.ToElements(memo.Markdown))
                {
                    yield return element;
                }

                if (memo.Truncated)
                {
                    var note = Text("This is an excerpt: use \"Read full text\" for the whole memo.", strong: false);
                    note["isSubtle"] = true;
                    yield return note;
                }

                break;
            case FieldsBlock fields when fields.Fields.Count > 0:
                var facts = new JsonArray();
                foreach (var field in fields.Fields)
                {
                    facts.Add(new JsonObject { ["title"] = CardText.Escape(field.Label), ["value"] = CardText.Escape(field.Value) });
                }

                yield return new JsonObject { ["type"] = "FactSet", ["facts"] = facts };
                break;
            case ButtonsBlock buttons when buttons.Buttons.Count > 0:
                var actions = new JsonArray();
                foreach (var button in buttons.Buttons)
                {
                    actions.Add(Action(button));
                }

                yield return new JsonObject { ["type"] = "ActionSet", ["actions"] = actions };
                break;
        }
    }

    private static JsonObject Action(Button button)
    {
        if (button.Url is not null)
        {
            return new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = button.Label, ["url"] = button.Url };
        }

        var data = new JsonObject { [CardData.ActionId] = button.ActionId, [CardData.Value] = button.Value };
        JsonObject action;
        if (button.OpensForm)
        {
            // A form opens as a dialog (task/fetch) rather than replacing the card.
            data["msteams"] = new JsonObject { ["type"] = "task/fetch" };
            action = new JsonObject { ["type"] = "Action.Submit", ["title"] = button.Label, ["data"] = data };
        }
        else
        {
            action = new JsonObject
            {
                ["type"] = "Action.Execute",
                ["title"] = button.Label,
                ["verb"] = button.ActionId,
                ["data"] = data,
                // Clients without universal actions post the same data as a message instead.
                ["fallback"] = new JsonObject { ["type"] = "Action.Submit", ["title"] = button.Label, ["data"] = data.DeepClone() },
            };
        }

        var style = button.Style switch
        {
            ButtonStyle.Primary => "positive",
            ButtonStyle.Danger => "destructive",
            _ => null,
        };
        if (style is not null)
        {
            action["style"] = style;
        }

        return action;
    }

    private static List<JsonObject> Pack(string summary, List<(JsonObject Element, bool Live)> elements, string? memoCode)
    {
        var cards = new List<(JsonArray Body, bool Live)>();
        var body = new JsonArray();
        var live = false;
        var size = SizeOf(Card(summary, new JsonArray())) + 600; // room for refresh and the continuation note
        var empty = size;
        foreach (var (element, isLive) in elements)
        {
            var elementSize = SizeOf(element) + 1;
            if (body.Count > 0 && size + elementSize > MaxCardBytes)
            {
                cards.Add((body, live));
                body = [];
                live = false;
                size = empty;
            }

            body.Add(element);
            live |= isLive;
            size += elementSize;
        }

        cards.Add((body, live));
        var result = new List<JsonObject>(cards.Count);
        for (var i = 0; i < cards.Count; i++)
        {
            var (cardBody, cardLive) = cards[i];
            if (cards.Count > 1)
            {
                var note = Text($"Part {i + 1} of {cards.Count}", strong: false);
                note["isSubtle"] = true;
                note["size"] = "small";
                cardBody.Insert(0, note);
            }

            var card = Card(summary, cardBody);
            if (cardLive && memoCode is not null)
            {
                // Counts go stale: Teams asks for a fresh card (adaptiveCard/action, trigger "automatic") when it is shown.
                card["refresh"] = new JsonObject
                {
                    ["action"] = new JsonObject
                    {
                        ["type"] = "Action.Execute",
                        ["verb"] = ActionIds.Refresh,
                        ["data"] = new JsonObject { [CardData.ActionId] = ActionIds.Refresh, [CardData.Value] = memoCode },
                    },
                };
            }

            result.Add(card);
        }

        return result;
    }

    private static JsonObject Card(string summary, JsonArray body) => new()
    {
        ["type"] = "AdaptiveCard",
        ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
        ["version"] = "1.5",
        ["fallbackText"] = Documents.BidiText.Balance(summary),
        ["body"] = body,
        ["msteams"] = new JsonObject { ["width"] = "Full" },
    };

    internal static JsonObject Text(string text, bool strong)
    {
        var element = new JsonObject { ["type"] = "TextBlock", ["text"] = CardText.EscapeMultiline(text), ["wrap"] = true };
        if (strong)
        {
            element["weight"] = "bolder";
            element["size"] = "medium";
        }

        return element;
    }

    private static JsonObject ErrorText(string message) => new()
    {
        ["type"] = "TextBlock",
        ["text"] = CardText.Escape(message),
        ["wrap"] = true,
        ["color"] = "attention",
        ["size"] = "small",
    };

    internal static string Serialise(JsonNode node) => node.ToJsonString(TeamsJson.Options);

    internal static JsonElement ToElement(JsonNode node) => JsonSerializer.Deserialize<JsonElement>(Serialise(node));
}
