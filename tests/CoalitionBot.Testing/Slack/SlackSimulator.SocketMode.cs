using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace CoalitionBot.Testing.Slack;

public sealed partial class SlackSimulator
{
    private readonly ConcurrentDictionary<int, WebSocket> sockets = new();
    private readonly ConcurrentDictionary<int, SemaphoreSlim> sendLocks = new();
    private readonly ConcurrentDictionary<string, PendingEnvelope> unacked = new();
    private readonly ConcurrentDictionary<int, int> acksByConnection = new();
    private int socketIds;
    private int connectionsOpened;
    private volatile bool disposing;

    /// <summary>
    /// The next this-many connections go silent after hello: the server stops reading, so it answers no ping
    /// and acks nothing, like a half-dead connection behind a broken proxy. The bot must notice and reconnect.
    /// </summary>
    public int SilentConnections { get; set; }

    /// <summary>How many Socket Mode connections the bot has opened so far.</summary>
    public int ConnectionsOpened => Volatile.Read(ref connectionsOpened);

    /// <summary>Socket Mode connections open right now.</summary>
    public int OpenSockets => sockets.Count;

    /// <summary>The id of the newest open Socket Mode connection (they count up from 1 in the order opened).</summary>
    public int NewestConnection => sockets.Keys.DefaultIfEmpty(0).Max();

    /// <summary>Whether the connection with this id is still open.</summary>
    public bool IsOpen(int connection) => sockets.ContainsKey(connection);

    /// <summary>How many envelope acks Slack took from the connection with this id.</summary>
    public int AcksOn(int connection) => acksByConnection.GetValueOrDefault(connection);

    /// <summary>
    /// Sends an envelope (events_api, slash_commands, interactive) on the newest connection (or on
    /// <paramref name="connection"/>: Slack may still use a connection it asked to disconnect) and returns the ack's
    /// payload (an empty object for an ack without payload). An ack counts on whichever connection it comes. With
    /// <paramref name="dropAfterSend"/> the socket is cut right after the envelope leaves, before any ack can arrive.
    /// An envelope whose connection closes unacked is redelivered (retry_attempt + 1) on the newest connection, or on
    /// the next one opened.
    /// </summary>
    public async Task<JsonObject> SendEnvelopeAsync(string type, JsonObject payload, bool dropAfterSend = false, TimeSpan? timeout = null, int? connection = null)
    {
        var pending = new PendingEnvelope(Guid.NewGuid().ToString(), type, payload);
        var id = connection ?? NewestConnection;
        if (!sockets.TryGetValue(id, out var socket))
        {
            throw new InvalidOperationException($"Socket Mode connection {id} is not open.");
        }

        pending.SentOn = id;
        unacked[pending.Id] = pending;

        if (dropAfterSend)
        {
            // Hold the ack path shut: the envelope leaves, then the connection dies before it is acknowledged.
            pending.IgnoreAcksFrom = id;
        }

        await SendOnAsync(id, socket, pending.ToJson(0)).ConfigureAwait(false);
        if (dropAfterSend)
        {
            socket.Abort();
        }

        return await pending.Ack.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(10)).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends {"type":"disconnect","reason":…} on the newest connection ("warning", "refresh_requested", "link_disabled")
    /// and returns that connection's id. Like Slack, the simulator leaves the connection open (the bot closes it)
    /// and still takes acks on it.
    /// </summary>
    public async Task<int> SendDisconnectAsync(string reason)
    {
        var (id, socket) = sockets.OrderByDescending(s => s.Key).First();
        await SendOnAsync(id, socket, new JsonObject { ["type"] = "disconnect", ["reason"] = reason, ["debug_info"] = new JsonObject { ["host"] = "sim" } }).ConfigureAwait(false);
        return id;
    }

    /// <summary>Cuts every connection without a close handshake, as a network failure would.</summary>
    public void DropAllSockets()
    {
        foreach (var socket in sockets.Values)
        {
            socket.Abort();
        }
    }

    private async Task HandleSocketAsync(HttpContext http)
    {
        if (disposing)
        {
            http.Response.StatusCode = 503;
            return;
        }

        if (!http.WebSockets.IsWebSocketRequest || string.IsNullOrEmpty(http.Request.Query["ticket"]))
        {
            http.Response.StatusCode = 400;
            return;
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        var id = Interlocked.Increment(ref socketIds);
        sockets[id] = socket;
        sendLocks[id] = new SemaphoreSlim(1, 1);
        Interlocked.Increment(ref connectionsOpened);
        try
        {
            await SendOnAsync(id, socket, new JsonObject
            {
                ["type"] = "hello",
                ["num_connections"] = sockets.Count,
                ["debug_info"] = new JsonObject { ["host"] = "sim", ["approximate_connection_time"] = 18060 },
                ["connection_info"] = new JsonObject { ["app_id"] = "A0SIM" },
            }).ConfigureAwait(false);
            Changed();
            if (SilentConnections > 0)
            {
                SilentConnections--;
                sockets.TryRemove(id, out _);
                await WaitForAbortAsync(socket, http.RequestAborted).ConfigureAwait(false);
                return;
            }

            await RedeliverOrphansAsync().ConfigureAwait(false);
            await ReceiveAcksAsync(id, socket).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
        }
        finally
        {
            sockets.TryRemove(id, out _);
            Changed();
            await RedeliverOrphansAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Slack redelivers, marked as a retry, what was sent on a connection that closed before acking it; envelopes
    /// pending on a connection still open wait for their ack there.
    /// </summary>
    private async Task RedeliverOrphansAsync()
    {
        foreach (var pending in unacked.Values)
        {
            var target = NewestConnection;
            WebSocket? socket;
            lock (pending)
            {
                if (sockets.ContainsKey(pending.SentOn) || !sockets.TryGetValue(target, out socket))
                {
                    continue;
                }

                pending.Attempt++;
                pending.SentOn = target;
            }

            try
            {
                await SendOnAsync(target, socket, pending.ToJson(pending.Attempt)).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
            {
                // That connection died too; the next one opened gets the envelope.
            }
        }
    }

    private static async Task WaitForAbortAsync(WebSocket socket, CancellationToken aborted)
    {
        // Never read: pings stay unanswered. The socket ends when the client gives up on it.
        try
        {
            await Task.Delay(Timeout.Infinite, aborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            socket.Abort();
        }
    }

    private async Task ReceiveAcksAsync(int id, WebSocket socket)
    {
        var buffer = new byte[64 * 1024];
        while (socket.State == WebSocketState.Open)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer, CancellationToken.None).ConfigureAwait(false);
                message.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);

            if (result.MessageType == WebSocketMessageType.Close)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None).ConfigureAwait(false);
                return;
            }

            if (JsonNode.Parse(message.ToArray()) is JsonObject ack && (string?)ack["envelope_id"] is { } envelopeId
                && unacked.TryGetValue(envelopeId, out var pending) && pending.IgnoreAcksFrom != id)
            {
                unacked.TryRemove(envelopeId, out _);
                pending.AckCount++;
                acksByConnection.AddOrUpdate(id, 1, (_, n) => n + 1);
                pending.Ack.TrySetResult(ack["payload"] as JsonObject ?? []);
                Changed();
            }
        }
    }

    private async Task SendOnAsync(int id, WebSocket socket, JsonObject message)
    {
        var gate = sendLocks[id];
        await gate.WaitAsync().ConfigureAwait(false);
        try
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    private sealed class PendingEnvelope(string id, string type, JsonObject payload)
    {
        public string Id { get; } = id;

        public int Attempt { get; set; }

        public int AckCount { get; set; }

        public int? IgnoreAcksFrom { get; set; }

        public int SentOn { get; set; }

        public TaskCompletionSource<JsonObject> Ack { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public JsonObject ToJson(int attempt) => new()
        {
            ["envelope_id"] = Id,
            ["type"] = type,
            ["payload"] = payload.DeepClone(),
            ["accepts_response_payload"] = type != "events_api",
            ["retry_attempt"] = attempt,
            ["retry_reason"] = attempt == 0 ? string.Empty : "timeout",
        };
    }
}
