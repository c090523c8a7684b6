using System.Collections.Concurrent;
using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Messages;
using CoalitionBot.Core.Replies;

namespace CoalitionBot.Teams.Tests.Support;

/// <summary>Stands in for the core: records what the adapter hands over and answers like the core would.</summary>
internal sealed class RecordingInboundHandler : IInboundHandler
{
    private readonly ConcurrentQueue<Inbound> received = new();
    private readonly ConcurrentDictionary<string, byte> handled = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private readonly List<(int Count, TaskCompletionSource Done)> waiters = [];

    public IReadOnlyList<Inbound> Received => [.. received];

    public int SignedCount { get; private set; } = 41;

    public Task<Reply> HandleAsync(Inbound inbound, CancellationToken cancellationToken)
    {
        received.Enqueue(inbound);
        Notify();
        if (!handled.TryAdd(inbound.DeliveryId, 0))
        {
            return Task.FromResult<Reply>(DuplicateReply.Instance);
        }

        return Task.FromResult(Answer(inbound.Content));
    }

    public Task WaitForAsync(int count, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (received.Count >= count)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            waiters.Add((count, done));
            return done.Task.WaitAsync(cancellationToken);
        }
    }

    private void Notify()
    {
        lock (gate)
        {
            foreach (var waiter in waiters.Where(w => received.Count >= w.Count).ToList())
            {
                waiters.Remove(waiter);
                waiter.Done.TrySetResult();
            }
        }
    }

    private Reply Answer(InboundContent content) => content switch
    {
        CommandText { Text: "help" } => new MessageReply(Some.HelpMessage(), Public: true),
        CommandText { Text: var t } when t.StartsWith("sign ", StringComparison.Ordinal) => new OpenFormReply(Some.SignOnForm(t[5..])),
        CommandText { Text: var t } when t.StartsWith("status ", StringComparison.Ordinal) => new MessageReply(Some.StatusMessage(t[7..], SignedCount)),
        CommandText { Text: var t } when t.StartsWith("show ", StringComparison.Ordinal) => new MessageReply(Some.MemoMessage(t[5..], Some.LongMemo()), Public: true),
        CommandText => new MessageReply(Message.Text("I did not understand that. Try \"help\".")),
        ButtonAction { ActionId: ActionIds.Refresh or ActionIds.Status, Value: var code } => new MessageReply(Some.StatusMessage(code, ++SignedCount), Public: true),
        ButtonAction { ActionId: ActionIds.Sign, Value: var code } => new OpenFormReply(Some.SignOnForm(code)),
        ButtonAction { ActionId: ActionIds.ReadFullText, Value: var code } => new MessageReply(Some.MemoMessage(code, Some.LongMemo())),
        ButtonAction => new MessageReply(Message.Text("Done.")),
        FormSubmission { FormId: FormIds.SignOn } form when string.IsNullOrWhiteSpace(form.Fields.GetValueOrDefault("displayName")) =>
            new FormErrorsReply(Some.SignOnForm(form.Context), new Dictionary<string, string> { ["displayName"] = "Enter your organisation's name as it should appear under the memo." }),
        FormSubmission { FormId: FormIds.SignOn } form => new FormAcceptedReply(Message.Text($"Signed {form.Context} for {form.Fields["displayName"]}.")),
        _ => new MessageReply(Message.Text("Done.")),
    };
}
