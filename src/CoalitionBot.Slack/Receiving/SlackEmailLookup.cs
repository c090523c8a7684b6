using CoalitionBot.Core.Conversation;

namespace CoalitionBot.Slack.Receiving;

/// <summary>
/// Gives the core an unknown Slack user's e-mail (users.info, cached) so their identity links to their
/// directory contact. Waits at most a second: the first message from a person may be inside Slack's 3-second
/// window, and a person whose e-mail arrives late is linked on their next message.
/// </summary>
internal sealed class SlackEmailLookup(SlackUserDirectory users) : IEmailLookup
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(1);

    public Platform Platform => Platform.Slack;

    public async Task<string?> FindEmailAsync(Actor actor, Place place, CancellationToken cancellationToken)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(Budget);
        try
        {
            return (await users.GetAsync(actor.Identity.UserId, budget.Token).ConfigureAwait(false))?.Email;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }
}
