using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoalitionBot.Slack.Receiving;
using Microsoft.Extensions.Logging;

namespace CoalitionBot.Slack.SocketMode;

/// <summary>
/// One Socket Mode WebSocket: waits for hello, reads envelopes and hands each to the shared processor,
/// sends the ack (with the reply payload when there is one), and reports disconnect requests. When Slack asks it
/// to move, <see cref="RetireAsync"/> keeps it open until the envelopes it is still handling are acked.
/// </summary>
internal sealed partial class SocketModeConnection : IAsyncDisposable
{
    private readonly ClientWebSocket socket = new();
    private readonly SemaphoreSlim sendLock = new(1, 1);
    private readonly TaskCompletionSource hello = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<string> disconnect = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource lifetime = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Task> inFlight = new(StringComparer.Ordinal);
    private readonly SlackInboundProcessor processor;
    private readonly ILogger log;
    private Task? reading;

    public SocketModeConnection(SlackInboundProcessor processor, TimeSpan keepAlive, ILogger log)
    {
        this.processor = processor;
        this.log = log;
        socket.Options.KeepAliveInterval = keepAlive;
        socket.Options.KeepAliveTimeout = keepAlive;
    }

    public int Id { get; } = Interlocked.Increment(ref counter);

    /// <summary>Completes with "warning", "refresh_requested", "link_disabled"… when Slack asks us to move.</summary>
    public Task<string> DisconnectRequested => disconnect.Task;

    /// <summary>Completes when the socket is gone (closed, dropped, or silent past the keep-alive).</summary>
    public Task Closed => reading ?? Task.CompletedTask;

    private static int counter;

    public async Task ConnectAsync(Uri url, TimeSpan helloTimeout, TimeProvider time, CancellationToken cancellationToken)
    {
        await socket.ConnectAsync(url, cancellationToken).ConfigureAwait(false);
        reading = Task.Run(() => ReadLoopAsync(lifetime.Token), CancellationToken.None);
        var timeout = Task.Delay(helloTimeout, time, cancellationToken);
        if (await Task.WhenAny(hello.Task, reading, timeout).ConfigureAwait(false) != hello.Task)
        {
            throw new WebSocketException("Socket Mode connection gave no hello.");
        }
    }

    /// <summary>Envelopes received and not yet acked.</summary>
    public int InFlight => inFlight.Count;

    /// <summary>
    /// After a replacement is open: keeps reading (an envelope Slack still sends here is handled and acked) until
    /// every envelope received is acked or <paramref name="grace"/> has passed, then closes politely.
    /// </summary>
    public async Task RetireAsync(TimeSpan grace, TimeProvider time)
    {
        using var stop = new CancellationTokenSource();
        var deadline = Task.Delay(grace, time, stop.Token);
        while (!inFlight.IsEmpty && !deadline.IsCompleted && !Closed.IsCompleted)
        {
            await Task.WhenAny(Task.WhenAll(inFlight.Values), deadline, Closed).ConfigureAwait(false);
        }

        if (!inFlight.IsEmpty)
        {
            LogRetiringWithUnacked(log, Id, inFlight.Count);
        }

        await stop.CancelAsync().ConfigureAwait(false);
        await CloseAsync().ConfigureAwait(false);
    }

    /// <summary>Closes politely; waits for Slack's close frame at most 5 s.</summary>
    public async Task CloseAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            if (socket.State == WebSocketState.Open)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "replaced", timeout.Token).ConfigureAwait(false);
            }

            await Closed.WaitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            socket.Abort();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await lifetime.CancelAsync().ConfigureAwait(false);
        socket.Abort();
        if (reading is not null)
        {
            await reading.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        socket.Dispose();
        lifetime.Dispose();
    }

    private async Task ReadLoopAsync(CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        try
        {
            while (socket.State == WebSocketState.Open || socket.State == WebSocketState.CloseSent)
            {
                buffer.ResetWrittenCount();
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer.GetMemory(8 * 1024), cancellationToken).ConfigureAwait(false);
                    buffer.Advance(result.Count);
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                OnMessage(buffer.WrittenSpan);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            LogSocketEnded(log, Id, ex.Message);
        }
        finally
        {
            disconnect.TrySetResult("closed");
        }
    }

    private void OnMessage(ReadOnlySpan<byte> bytes)
    {
        JsonObject? message;
        try
        {
            message = JsonNode.Parse(bytes) as JsonObject;
        }
        catch (JsonException)
        {
            LogUnreadable(log, Id);
            return;
        }

        switch (message.Str("type"))
        {
            case "hello":
                hello.TrySetResult();
                return;
            case "disconnect":
                var reason = message.Str("reason") ?? "unknown";
                LogDisconnect(log, Id, reason);
                disconnect.TrySetResult(reason);
                return;
        }

        if (message.Str("envelope_id") is { } envelopeId)
        {
            // Never block the read loop: a slash command may take its full 3 s. Tracked until acked, so a retiring
            // connection stays open for it. The task is registered before it can finish and remove itself.
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var handling = Task.Run(async () =>
            {
                await start.Task.ConfigureAwait(false);
                try
                {
                    await HandleEnvelopeAsync(envelopeId, message!).ConfigureAwait(false);
                }
                finally
                {
                    inFlight.TryRemove(envelopeId, out _);
                }
            }, CancellationToken.None);
            inFlight.TryAdd(envelopeId, handling);
            start.SetResult();
        }
    }

    private async Task HandleEnvelopeAsync(string envelopeId, JsonObject envelope)
    {
        SlackPayloadKind? kind = envelope.Str("type") switch
        {
            "events_api" => SlackPayloadKind.Event,
            "slash_commands" => SlackPayloadKind.SlashCommand,
            "interactive" => SlackPayloadKind.Interactive,
            _ => null,
        };
        var ack = SlackAck.Empty;
        try
        {
            if (kind is { } known && envelope["payload"] is JsonObject payload)
            {
                ack = await processor.ReceiveAsync(known, payload, lifetime.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogEnvelopeFailed(log, envelopeId, ex);
        }

        if (ack.StatusCode == 503)
        {
            // Leave it unacked: Slack redelivers it, by then the queue has room.
            return;
        }

        var reply = new JsonObject { ["envelope_id"] = envelopeId };
        if (ack.Body is not null && ack.StatusCode is >= 200 and < 300)
        {
            reply["payload"] = ack.Body.DeepClone();
        }

        await SendAsync(reply).ConfigureAwait(false);
    }

    private async Task SendAsync(JsonObject message)
    {
        var bytes = Encoding.UTF8.GetBytes(message.ToJsonString());
        await sendLock.WaitAsync(lifetime.Token).ConfigureAwait(false);
        try
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Text, true, lifetime.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The envelope stays unacked; Slack redelivers it on another connection and event_id dedup drops the repeat.
            LogAckLost(log, Id, ex.Message);
        }
        finally
        {
            sendLock.Release();
        }
    }

    [LoggerMessage(EventId = LogEvents.SocketEnded, Level = LogLevel.Information, Message = "Socket Mode connection {Id} ended: {Reason}")]
    private static partial void LogSocketEnded(ILogger logger, int id, string reason);

    [LoggerMessage(EventId = LogEvents.SocketUnreadable, Level = LogLevel.Warning, Message = "Socket Mode connection {Id} sent an unreadable message")]
    private static partial void LogUnreadable(ILogger logger, int id);

    [LoggerMessage(EventId = LogEvents.SocketDisconnectRequested, Level = LogLevel.Information, Message = "Socket Mode connection {Id}: Slack asks to disconnect ({Reason})")]
    private static partial void LogDisconnect(ILogger logger, int id, string reason);

    [LoggerMessage(EventId = LogEvents.EnvelopeFailed, Level = LogLevel.Error, Message = "Socket Mode envelope {EnvelopeId} failed")]
    private static partial void LogEnvelopeFailed(ILogger logger, string envelopeId, Exception exception);

    [LoggerMessage(EventId = LogEvents.AckLost, Level = LogLevel.Warning, Message = "Socket Mode connection {Id}: ack not sent ({Reason})")]
    private static partial void LogAckLost(ILogger logger, int id, string reason);

    [LoggerMessage(EventId = LogEvents.SocketRetiring, Level = LogLevel.Warning, Message = "Socket Mode connection {Id} closes with {Count} envelopes still unacked after the grace period; Slack redelivers them")]
    private static partial void LogRetiringWithUnacked(ILogger logger, int id, int count);
}
