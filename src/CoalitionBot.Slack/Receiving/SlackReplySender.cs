using System.Text.Json.Nodes;
using CoalitionBot.Core.Messages;
using CoalitionBot.Slack.Api;
using CoalitionBot.Slack.Rendering;

namespace CoalitionBot.Slack.Receiving;

/// <summary>Sends a neutral message where a reply belongs: a channel, one person in a channel, a response_url or a DM.</summary>
internal sealed class SlackReplySender(SlackApiClient api, TimeProvider time)
{
    /// <summary>A person is waiting for this reply: wait out a short Retry-After once rather than drop it.</summary>
    private static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(10);

    /// <summary>Slack: a response_url takes up to 5 responses within 30 minutes.</summary>
    private const int ResponseUrlUses = 5;

    /// <summary>
    /// Posts every part to a channel (a user id posts to the app DM). Returns the first part's id. The outbox
    /// passes <paramref name="patient"/> false: it reschedules on a 429 itself instead of holding a worker.
    /// </summary>
    public async Task<SlackPostedMessage> PostAsync(string channel, Message message, CancellationToken cancellationToken, bool patient = true)
    {
        SlackPostedMessage? first = null;
        foreach (var part in BlockKitRenderer.Render(message))
        {
            var post = () => api.PostMessageAsync(channel, part.Text, part.Blocks, cancellationToken);
            SlackPostedMessage posted;
            try
            {
                posted = patient ? await PatientlyAsync(post, cancellationToken).ConfigureAwait(false) : await post().ConfigureAwait(false);
            }
            catch (SlackRateLimitedException limited) when (first is not null && limited.NotSent)
            {
                throw new SlackRateLimitedException("chat.postMessage", limited.RetryAfter); // an earlier part went: this was an attempt
            }

            first ??= posted;
        }

        return first!;
    }

    /// <summary>Shows every part to one person in a channel.</summary>
    public async Task PostEphemeralAsync(string channel, string user, Message message, CancellationToken cancellationToken)
    {
        foreach (var part in BlockKitRenderer.Render(message))
        {
            await PatientlyAsync(
                async () =>
                {
                    await api.PostEphemeralAsync(channel, user, part.Text, part.Blocks, cancellationToken).ConfigureAwait(false);
                    return true;
                },
                cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Answers through a response_url, starting at part <paramref name="skip"/>. Slack accepts at most 5 posts per
    /// response_url; further parts go to the person directly (ephemeral in the channel, or the app DM).
    /// </summary>
    public async Task RespondAsync(string responseUrl, Message message, bool inChannel, int skip, string userId, string? channelId, CancellationToken cancellationToken)
    {
        var uses = 0;
        var gone = false;
        foreach (var part in BlockKitRenderer.Render(message).Skip(skip))
        {
            if (!gone && uses++ < ResponseUrlUses)
            {
                var body = BlockKitRenderer.ResponseBody(part, inChannel);
                body["replace_original"] = false;
                try
                {
                    await api.PostToResponseUrlAsync(responseUrl, body, cancellationToken).ConfigureAwait(false);
                    continue;
                }
                catch (SlackResponseUrlGoneException)
                {
                    gone = true; // expired or used up: this part and the rest go to the person directly, nothing is lost
                }
            }

            if (channelId is not null && !channelId.StartsWith('D') && !inChannel)
            {
                await api.PostEphemeralAsync(channelId, userId, part.Text, part.Blocks, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await api.PostMessageAsync(inChannel && channelId is not null ? channelId : userId, part.Text, part.Blocks, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<T> PatientlyAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (SlackRateLimitedException limited) when (limited.RetryAfter <= LongestWait)
        {
            await Task.Delay(limited.RetryAfter, time, cancellationToken).ConfigureAwait(false);
            return await call().ConfigureAwait(false);
        }
    }

    /// <summary>The first part as an inline slash-command answer.</summary>
    public static JsonObject InlineBody(Message message, bool inChannel) =>
        BlockKitRenderer.ResponseBody(BlockKitRenderer.Render(message)[0], inChannel);

    public static int PartCount(Message message) => BlockKitRenderer.Render(message).Count;
}
