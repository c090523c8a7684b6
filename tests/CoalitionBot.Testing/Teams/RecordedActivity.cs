using System.Text.Json.Nodes;

namespace CoalitionBot.Testing.Teams;

/// <summary>A write the bot made to the simulated connector, as received.</summary>
public sealed record RecordedActivity(string Method, string ConversationId, string? ActivityId, string? ReplyToId, JsonObject Body, int Bytes)
{
    /// <summary>The Adaptive Card carried by the activity, if any.</summary>
    public JsonObject? Card => Body["attachments"]?.AsArray().FirstOrDefault()?["content"] as JsonObject;
}
