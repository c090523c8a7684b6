using System.Collections.Concurrent;
using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Messages;
using CoalitionBot.Core.Replies;

namespace CoalitionBot.Slack.Tests.Support;

/// <summary>
/// Stands in for the core: records every inbound item, deduplicates on DeliveryId like the real one, and answers
/// with realistic replies (help, a memo list, a sign-on form, field errors, a confirmation).
/// </summary>
internal sealed class RecordingInboundHandler : IInboundHandler
{
    private readonly ConcurrentQueue<Inbound> received = new();
    private readonly ConcurrentDictionary<string, bool> seen = new();
    private readonly List<(Func<IReadOnlyList<Inbound>, bool> Condition, TaskCompletionSource Signal)> waiters = [];

    public IReadOnlyList<Inbound> Received => received.ToArray();

    /// <summary>Set to make the handler slow (it waits for this task) to test the after-ack path.</summary>
    public Task? Gate { get; set; }

    /// <summary>Overrides the reply for one test.</summary>
    public Func<Inbound, Reply?>? Override { get; set; }

    public string OrganisationName { get; set; } = "Friends of the Earth";

    public async Task<Reply> HandleAsync(Inbound inbound, CancellationToken cancellationToken)
    {
        received.Enqueue(inbound);
        lock (waiters)
        {
            foreach (var waiter in waiters.ToArray())
            {
                if (waiter.Condition(Received))
                {
                    waiters.Remove(waiter);
                    waiter.Signal.TrySetResult();
                }
            }
        }

        if (Gate is { } gate)
        {
            await gate.WaitAsync(cancellationToken);
        }

        if (!seen.TryAdd(inbound.DeliveryId, true))
        {
            return DuplicateReply.Instance;
        }

        return Override?.Invoke(inbound) ?? Answer(inbound);
    }

    public async Task WaitForAsync(Func<IReadOnlyList<Inbound>, bool> condition)
    {
        TaskCompletionSource signal;
        lock (waiters)
        {
            if (condition(Received))
            {
                return;
            }

            signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            waiters.Add((condition, signal));
        }

        await signal.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    public static Form SignOnForm(string memoCode) => new(
        FormIds.SignOn,
        "Sign on to " + memoCode,
        "Sign on",
        memoCode,
        [
            new FormField("display_name", "Organisation name as it should appear", FormFieldKind.ShortText, Required: true, MaxLength: 200),
            new FormField("signatory", "Your name and title", FormFieldKind.ShortText, Required: true, MaxLength: 200),
            new FormField("attest", "I am authorised to sign for my organisation", FormFieldKind.Checkbox, Required: true),
        ],
        "Your organisation will be listed under the memo.");

    private Reply Answer(Inbound inbound) => inbound.Content switch
    {
        CommandText { Text: "help" } => new MessageReply(new Message("CoalitionBot commands", [
            new TextBlock("CoalitionBot commands", Strong: true),
            new TextBlock("/memo list: memos waiting for you\n/memo sign M-12: sign on for your organisation\n/memo help: this text"),
        ])),
        CommandText { Text: "list" } => new MessageReply(new Message("Your open memos", [
            new TextBlock("Your open memos", Strong: true),
            new FieldsBlock([new Field("M-12", "Human rights, not military aid"), new Field("Organisation", OrganisationName)]),
            new ButtonsBlock([new Button("Sign", ActionIds.Sign, "M-12", ButtonStyle.Primary), new Button("Decline", ActionIds.Decline, "M-12")]),
        ])),
        CommandText { Text: var text } when text.StartsWith("sign ", StringComparison.Ordinal) => new OpenFormReply(SignOnForm(text[5..])),
        ButtonAction { ActionId: ActionIds.Sign, Value: var code } => new OpenFormReply(SignOnForm(code)),
        FormSubmission { FormId: FormIds.SignOn } submission when submission.Fields.GetValueOrDefault("attest") != "true" =>
            new FormErrorsReply(SignOnForm(submission.Context), new Dictionary<string, string> { ["attest"] = "Only an authorised signer can sign on." }),
        FormSubmission submission => new FormAcceptedReply(Message.Text($"{submission.Fields.GetValueOrDefault("display_name")} signed {submission.Context}.")),
        _ => new MessageReply(Message.Text("I did not understand that. Try /memo help.")),
    };
}
