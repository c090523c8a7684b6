using System.Text.Json.Nodes;

namespace CoalitionBot.Slack.Receiving;

/// <summary>
/// What we answer Slack within 3 s: the HTTP response, or the Socket Mode ack's payload. Built once, sent once.
/// A null body is an empty 200 (Socket Mode: an ack without payload).
/// </summary>
internal sealed record SlackAck(int StatusCode, JsonObject? Body)
{
    public static readonly SlackAck Empty = new(200, null);

    /// <summary>Asks Slack to retry later (queue full); on HTTP without X-Slack-No-Retry.</summary>
    public static readonly SlackAck Busy = new(503, null);

    public static SlackAck Json(JsonObject body) => new(200, body);
}
