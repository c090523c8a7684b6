using System.Collections.Concurrent;

namespace CoalitionBot.Testing.Slack;

/// <summary>
/// A channel as people see it: each message once, where it was posted, as its last chat.update left it; deleted ones gone.
/// chat.update answers as Slack does: message_not_found for a deleted (or ephemeral, or unknown) message,
/// cant_update_message for one the bot did not post, channel_not_found for an unknown channel.
/// </summary>
public sealed partial class SlackSimulator
{
    private readonly ConcurrentDictionary<string, byte> deletedMessages = new();

    /// <summary>The channel's messages (not ephemeral ones) in the order they were posted, each with its current content.</summary>
    public IReadOnlyList<SimulatedMessage> Conversation(string channel)
    {
        var log = Messages.Where(m => m.Channel == channel && m.EphemeralUser is null).ToList();
        return log.Where(m => !m.Edit && !deletedMessages.ContainsKey(channel + "|" + m.Ts))
            .Select(m => log.Last(e => e.Ts == m.Ts) with { Edit = false })
            .ToList();
    }

    /// <summary>How many times chat.update changed the message at <paramref name="ts"/>.</summary>
    public int EditsOf(string channel, string ts) => Messages.Count(m => m.Channel == channel && m.Ts == ts && m.Edit);

    /// <summary>The person deleted the message (or the workspace's retention did): updating it gives message_not_found.</summary>
    public void DeleteMessage(string channel, string ts)
    {
        deletedMessages[channel + "|" + ts] = 0;
        Changed();
    }

    /// <summary>A message the person posted in a channel (the bot may read it, never edit it: cant_update_message).</summary>
    public SimulatedMessage PostAsUser(string channel, string userId, string text)
    {
        var message = new SimulatedMessage(channel, NextTs(), text, null, Author: userId);
        Messages.Enqueue(message);
        Changed();
        return message;
    }

    private SimulatedMessage UpdatableMessage(string channel, string? ts)
    {
        var original = Messages.FirstOrDefault(m => m.Channel == channel && m.Ts == ts && m.EphemeralUser is null && !m.Edit);
        if (original is null || deletedMessages.ContainsKey(channel + "|" + ts))
        {
            throw new SimulatedSlackError("message_not_found");
        }

        return original.Author is null ? original : throw new SimulatedSlackError("cant_update_message");
    }
}
