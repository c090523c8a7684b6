using Microsoft.Extensions.Logging;

namespace CoalitionBot.Core.Receiving;

/// <summary>
/// The one-shot capability to acknowledge one delivery, with the platform's deadline (as bolt-js's HTTPResponseAck):
/// the receiver passes it to the code that decides the answer, and sends what <see cref="Acknowledged"/> yields
/// (the HTTP response, the Socket Mode ack). A second ack throws; an ack after the deadline is logged at Warning with
/// the elapsed time. Work that must follow the ack (opening a modal, slow replies) runs after <see cref="AckAsync"/>.
/// </summary>
public sealed class Acknowledgement<T>
{
    private readonly TaskCompletionSource<T> acknowledged = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TimeProvider time;
    private readonly ILogger log;
    private readonly long started;
    private readonly Telemetry.BotTelemetry? telemetry;
    private int state;

    public Acknowledgement(AckDeadline deadline, string kind, TimeProvider time, ILogger log, Telemetry.BotTelemetry? telemetry = null)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        ArgumentNullException.ThrowIfNull(time);
        Deadline = deadline;
        Kind = kind;
        this.time = time;
        this.log = log;
        this.telemetry = telemetry;
        started = time.GetTimestamp();
    }

    public AckDeadline Deadline { get; }

    /// <summary>What is acknowledged, for the log ("slash command", "interaction", "event").</summary>
    public string Kind { get; }

    /// <summary>Time since the delivery arrived.</summary>
    public TimeSpan Elapsed => time.GetElapsedTime(started);

    /// <summary>Time left before the platform's deadline (zero once it passed).</summary>
    public TimeSpan Remaining => Deadline.Within - Elapsed is var left && left > TimeSpan.Zero ? left : TimeSpan.Zero;

    public bool IsAcknowledged => Volatile.Read(ref state) != 0;

    /// <summary>Completes with the answer once <see cref="AckAsync"/> was called.</summary>
    public Task<T> Acknowledged => acknowledged.Task;

    /// <summary>Acknowledges with <paramref name="answer"/>. Throws <see cref="InvalidOperationException"/> when already acknowledged.</summary>
    public Task AckAsync(T answer)
    {
        if (Interlocked.Exchange(ref state, 1) != 0)
        {
            throw new InvalidOperationException($"This {Deadline.Platform} {Kind} was already acknowledged.");
        }

        var elapsed = Elapsed;
        telemetry?.Acknowledged(Deadline.Platform, Kind, elapsed);
        if (elapsed > Deadline.Within)
        {
            ReceivingLog.LateAck(log, Deadline.Platform, Kind, elapsed.TotalMilliseconds, Deadline.Within.TotalMilliseconds);
        }

        acknowledged.TrySetResult(answer);
        return Task.CompletedTask;
    }
}
