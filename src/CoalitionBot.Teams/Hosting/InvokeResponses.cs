using System.Text.Json.Nodes;
using CoalitionBot.Teams.Activities;

namespace CoalitionBot.Teams.Hosting;

/// <summary>The bodies Teams expects in answer to invokes (universal actions and dialogs).</summary>
internal static class InvokeResponses
{
    public const string CardType = "application/vnd.microsoft.card.adaptive";
    public const string MessageType = "application/vnd.microsoft.activity.message";
    public const string ErrorType = "application/vnd.microsoft.error";

    public static JsonObject Card(JsonObject card) => new() { ["statusCode"] = 200, ["type"] = CardType, ["value"] = card };

    public static JsonObject Toast(string text) => new() { ["statusCode"] = 200, ["type"] = MessageType, ["value"] = text };

    public static JsonObject Error(int status, string code, string message) => new()
    {
        ["statusCode"] = status,
        ["type"] = ErrorType,
        ["value"] = new JsonObject { ["code"] = code, ["message"] = message },
    };

    public static JsonObject Dialog(string title, JsonObject card) => new()
    {
        ["task"] = new JsonObject
        {
            ["type"] = "continue",
            ["value"] = new JsonObject
            {
                ["title"] = title,
                ["height"] = "large",
                ["width"] = "medium",
                ["card"] = new JsonObject { ["contentType"] = Attachment.AdaptiveCardContentType, ["content"] = card },
            },
        },
    };

    public static JsonObject DialogMessage(string text) => new()
    {
        ["task"] = new JsonObject { ["type"] = "message", ["value"] = text },
    };
}
