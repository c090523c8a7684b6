using System.Text.Json.Nodes;
using CoalitionBot.Core.Messages;
using CoalitionBot.Slack.Api;
using CoalitionBot.Slack.Rendering;

namespace CoalitionBot.Slack.Receiving;

/// <summary>Sends a neutral message where a reply belongs: a channel, one person in a channel, a response_url or a DM.</summary>
internal sealed class SlackReplySender(SlackApiClient api)
{
    /// <summary>Posts every part to a channel (a user id posts to the app DM). Returns the first part's id.</summary>
    public async Task<SlackPostedMessage> PostAsync(string channel, Message message, CancellationToken cancellationToken)
    {
        SlackPostedMessage? first = null;
        foreach (var part in BlockKitRenderer.Render(message))
        {
            var posted = await api.PostMessageAsync(channel, part.Text, part.Blocks, cancellationToken).ConfigureAwait(false);
            first ??= posted;
        }

        return first!;
    }

    /// <summary>Shows every part to one person in a channel.</summary>
    public async Task PostEphemeralAsync(string channel, string user, Message message, CancellationToken cancellationToken)
    {
        foreach (var part in BlockKitRenderer.Render(message))
        {
            await api.PostEphemeralAsync(channel, user, part.Text, part.Blocks, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Answers through a response_url (valid 30 min, 5 uses), starting at part <paramref name="skip"/>.</summary>
    public async Task RespondAsync(string responseUrl, Message message, bool inChannel, int skip, CancellationToken cancellationToken)
    {
        foreach (var part in BlockKitRenderer.Render(message).Skip(skip))
        {
            var body = BlockKitRenderer.ResponseBody(part, inChannel);
            body["replace_original"] = false;
            await api.PostToResponseUrlAsync(responseUrl, body, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The first part as an inline slash-command answer.</summary>
    public static JsonObject InlineBody(Message message, bool inChannel) =>
        BlockKitRenderer.ResponseBody(BlockKitRenderer.Render(message)[0], inChannel);

    public static int PartCount(Message message) => BlockKitRenderer.Render(message).Count;
}
