using System.Text.Json.Nodes;

namespace CoalitionBot.Teams.Activities;

/// <summary>An activity attachment; we only send Adaptive Cards.</summary>
internal sealed record Attachment(string ContentType, JsonNode? Content)
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";
}
