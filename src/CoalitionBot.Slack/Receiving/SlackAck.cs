using System.Text.Json.Nodes;
using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Receiving;

namespace CoalitionBot.Slack.Receiving;

/// <summary>
/// What we answer Slack within <see cref="Deadline"/> (3 s): the HTTP response, or the Socket Mode ack's payload.
/// Given once through an <see cref="Acknowledgement{T}"/>. A null body is an empty 200 (Socket Mode: an ack without payload).
/// </summary>
internal sealed record SlackAck(int StatusCode, JsonObject? Body)
{
    /// <summary>Slack shows the person an error (and retries events) when the ack takes longer than 3 s.</summary>
    public static readonly AckDeadline Deadline = new(Platform.Slack, TimeSpan.FromSeconds(3));

    public static readonly SlackAck Empty = new(200, null);

    /// <summary>Asks Slack to retry later (queue full); on HTTP without X-Slack-No-Retry.</summary>
    public static readonly SlackAck Busy = new(503, null);

    public static SlackAck Json(JsonObject body) => new(200, body);
}
