using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Replies;

namespace CoalitionBot.Core.Receiving;

/// <summary>
/// Form submissions acknowledged before they are handled (the sign-on form, once its fields passed
/// <see cref="Features.SignOnFields.MayAckFirst"/>): written to the inbound journal (group-committed with every other
/// write waiting at that moment), queued, and handled by the platform's worker. The adapter may wait a short while for
/// the handler's reply and answer with it (a state error then still shows on the form); past that wait it
/// acknowledges, and the reply goes to <c>later</c> when it comes (the person's DM or inbox). After a crash the
/// adapter's <see cref="IJournalReplay"/> hands the journaled submission to <see cref="Replay"/>; the core's
/// de-duplication (the inbound key stored with the sign-on) makes it take effect once, whichever way it arrives.
/// </summary>
public sealed class FormIntake(InboundIntake intake, IInboundHandler handler, TimeProvider time)
{
    /// <summary>The longest a queued submission waits for the acknowledgements in progress before it is handled anyway.</summary>
    private static readonly TimeSpan LongestYield = TimeSpan.FromSeconds(1);

    private int acking;
    private TaskCompletionSource quiet = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>How long a submission's key is remembered in memory to drop the platform's repeats at once.</summary>
    public static readonly TimeSpan Remember = TimeSpan.FromHours(2);

    /// <summary>
    /// Journals and queues <paramref name="inbound"/> (<paramref name="payload"/> is what a replay needs) and waits up
    /// to <paramref name="wait"/> for its reply. Reply is null when the wait ended first (or the handling failed and
    /// stays journaled for recovery): acknowledge, the reply follows through <paramref name="later"/>.
    /// </summary>
    public async Task<(IntakeOutcome Outcome, Reply? Reply)> AcceptAsync(
        Inbound inbound, string payload, TimeSpan wait, Func<Reply, CancellationToken, Task> later, CancellationToken cancellationToken, Func<IDisposable>? around = null)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        var answer = new Answer();
        IntakeOutcome outcome;
        Interlocked.Increment(ref acking);
        try
        {
            outcome = await intake.AcceptAsync(Key(inbound), Remember, payload, Handling(inbound, answer, later, around), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (Interlocked.Decrement(ref acking) == 0)
            {
                Interlocked.Exchange(ref quiet, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
            }
        }

        // In a burst (others still being journaled) the handling waits for the acks, so waiting for it would only delay this one.
        var alone = Volatile.Read(ref acking) == 0;
        return outcome == IntakeOutcome.Accepted ? (outcome, await answer.WaitAsync(alone ? wait : TimeSpan.Zero, time).ConfigureAwait(false)) : (outcome, null);
    }

    /// <summary>The handling of a journaled submission after a crash: its reply goes to <paramref name="later"/>.</summary>
    public HandleDelivery Replay(Inbound inbound, Func<Reply, CancellationToken, Task> later, Func<IDisposable>? around = null)
    {
        var answer = new Answer();
        answer.GiveUp();
        return Handling(inbound, answer, later, around);
    }

    public static DeliveryKey Key(Inbound inbound)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        return new DeliveryKey(inbound.Place.Platform, inbound.DeliveryId);
    }

    /// <summary>The queued work; <paramref name="around"/> (the adapter's ambient scope, a Slack workspace's) holds around the handling and the reply.</summary>
    private HandleDelivery Handling(Inbound inbound, Answer answer, Func<Reply, CancellationToken, Task> later, Func<IDisposable>? around) => async cancellationToken =>
    {
        await YieldToAcksAsync().ConfigureAwait(false);
        Reply reply;
        try
        {
            using var scope = around?.Invoke();
            reply = await handler.HandleAsync(inbound, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            answer.Abandon();
            throw;
        }

        // Answered in the acknowledgement when the adapter still waits; otherwise sent once the journal entry is completed.
        return answer.TryGive(reply) || reply is DuplicateReply ? null : async ct =>
        {
            using var scope = around?.Invoke();
            await later(reply, ct).ConfigureAwait(false);
        };
    };

    /// <summary>
    /// Acknowledging comes first: while submissions are being journaled (a burst), the handling of those already
    /// journaled waits for them (at most <see cref="LongestYield"/>), so the workers' transactions do not take the two
    /// cores the acknowledgements need. Nothing waits when no acknowledgement is in progress.
    /// </summary>
    private async Task YieldToAcksAsync()
    {
        var quietNow = Volatile.Read(ref quiet).Task;
        if (Volatile.Read(ref acking) == 0)
        {
            return;
        }

        try
        {
            await quietNow.WaitAsync(LongestYield, time).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
        }
    }

    /// <summary>One submission's reply, taken either by the waiting acknowledgement or, once that gave up, by <c>later</c>.</summary>
    private sealed class Answer
    {
        private const int Waiting = 0, Given = 1, GaveUp = 2;
        private readonly TaskCompletionSource<Reply?> reply = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int state;

        public bool TryGive(Reply value)
        {
            if (Interlocked.CompareExchange(ref state, Given, Waiting) != Waiting)
            {
                return false;
            }

            reply.SetResult(value);
            return true;
        }

        public void Abandon()
        {
            if (Interlocked.CompareExchange(ref state, Given, Waiting) == Waiting)
            {
                reply.SetResult(null);
            }
        }

        public void GiveUp() => Interlocked.CompareExchange(ref state, GaveUp, Waiting);

        public async Task<Reply?> WaitAsync(TimeSpan wait, TimeProvider time)
        {
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    return await reply.Task.WaitAsync(wait, time).ConfigureAwait(false);
                }
                catch (TimeoutException)
                {
                }
            }

            return Interlocked.CompareExchange(ref state, GaveUp, Waiting) == Waiting ? null : await reply.Task.ConfigureAwait(false);
        }
    }
}
