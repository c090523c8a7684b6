using System.Text.Json.Nodes;
using CoalitionBot.Core.Messages;
using CoalitionBot.Teams.Activities;
using CoalitionBot.Teams.Cards;

namespace CoalitionBot.Teams.Connector;

/// <summary>Builds the message activities that carry a neutral message: one card each, several when the message is long.</summary>
internal sealed class OutboundActivities(AdaptiveCardRenderer renderer)
{
    public IReadOnlyList<JsonObject> For(Message message) =>
        renderer.RenderMessage(message).Select(card => WithCard(message.Summary, card)).ToList();

    public static JsonObject WithCard(string summary, JsonObject card) => new()
    {
        ["type"] = "message",
        ["summary"] = Documents.BidiText.Balance(summary),
        ["attachments"] = new JsonArray
        {
            new JsonObject { ["contentType"] = Attachment.AdaptiveCardContentType, ["content"] = card },
        },
    };
}
