using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoalitionBot.Core.Receiving;
using CoalitionBot.Slack.Receiving;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoalitionBot.Slack.Hosting;

/// <summary>HTTP mode: bytes in, verified, parsed to the same JSON Socket Mode carries, then the shared processor.</summary>
internal static partial class SlackEndpoints
{
    private const int MaxBody = 1 << 20;

    public static async Task HandleAsync(HttpContext http, SlackPayloadKind kind)
    {
        var services = http.RequestServices;
        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger("CoalitionBot.Slack.Http");
        var body = await RequestBody.ReadAsync(http.Request.Body, http.Request.ContentLength, MaxBody, http.RequestAborted).ConfigureAwait(false);
        var telemetry = services.GetService<Core.Telemetry.BotTelemetry>();
        if (body is null)
        {
            telemetry?.Rejected(Core.Conversation.Platform.Slack, "too_large");
            await WriteAsync(http, new SlackAck(413, null)).ConfigureAwait(false);
            return;
        }

        if (kind == SlackPayloadKind.SlashCommand && IsSslCheck(body))
        {
            // Slack's certificate probe: carries no data and causes no action.
            http.Response.StatusCode = 200;
            return;
        }

        var verifier = services.GetRequiredService<SlackRequestVerifier>();
        var problem = verifier.Verify(
            http.Request.Headers["X-Slack-Request-Timestamp"].FirstOrDefault(),
            http.Request.Headers["X-Slack-Signature"].FirstOrDefault(),
            body);
        if (problem is not null)
        {
            LogRejected(log, http.Request.Path, problem);
            telemetry?.Rejected(Core.Conversation.Platform.Slack, "unverified");
            await WriteAsync(http, new SlackAck(401, null)).ConfigureAwait(false);
            return;
        }

        var payload = Parse(kind, body);
        if (payload is null)
        {
            LogRejected(log, http.Request.Path, "verified but not a Slack payload");
            telemetry?.Rejected(Core.Conversation.Platform.Slack, "malformed");
            await WriteAsync(http, new SlackAck(400, null)).ConfigureAwait(false);
            return;
        }

        var ack = await services.GetRequiredService<SlackInboundProcessor>().ReceiveAsync(kind, payload, http.RequestAborted).ConfigureAwait(false);
        await WriteAsync(http, ack).ConfigureAwait(false);
    }

    /// <summary>The JSON object Socket Mode would carry: form fields for commands, the payload field for interactions, the body for events.</summary>
    internal static JsonObject? Parse(SlackPayloadKind kind, byte[] body)
    {
        try
        {
            switch (kind)
            {
                case SlackPayloadKind.SlashCommand:
                    var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
                    var command = new JsonObject();
                    foreach (var (key, value) in form)
                    {
                        command[key] = value.ToString();
                    }

                    return command;
                case SlackPayloadKind.Interactive:
                    var fields = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
                    return fields.TryGetValue("payload", out var json) ? JsonNode.Parse(LoneSurrogates.Repair(json.ToString())) as JsonObject : null;
                default:
                    return JsonNode.Parse(LoneSurrogates.Repair(body)) as JsonObject;
            }
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool IsSslCheck(byte[] body)
    {
        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
        return form.TryGetValue("ssl_check", out var check) && check == "1" && !form.ContainsKey("command");
    }

    private static async Task WriteAsync(HttpContext http, SlackAck ack)
    {
        http.Response.StatusCode = ack.StatusCode;
        if (ack.StatusCode is < 200 or > 299 && ack.StatusCode != 503)
        {
            // Retrying a request we refused would be refused again.
            http.Response.Headers["X-Slack-No-Retry"] = "1";
        }

        if (ack.Body is not null)
        {
            http.Response.ContentType = "application/json; charset=utf-8";
            await http.Response.WriteAsync(ack.Body.ToJsonString(), http.RequestAborted).ConfigureAwait(false);
        }
    }

    [LoggerMessage(EventId = LogEvents.RequestRejected, Level = LogLevel.Warning, Message = "Rejected Slack request to {Path}: {Reason}")]
    private static partial void LogRejected(ILogger logger, string path, string reason);
}
