using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Replies;
using CoalitionBot.Teams.Activities;

namespace CoalitionBot.Teams.Hosting;

/// <summary>
/// Work for the background worker: an inbound item to hand to the core (or, when <paramref name="Reply"/> is set,
/// a reply the core already gave that still has to be sent), with where to write and which activity to reply to
/// (null posts a new message, as after an install).
/// </summary>
internal sealed record QueuedActivity(Inbound Inbound, ConversationReference Reference, string? ReplyToId, bool Personal, Reply? Reply = null);
