using CoalitionBot.Core.Conversation;
using CoalitionBot.Teams.Activities;

namespace CoalitionBot.Teams.Hosting;

/// <summary>
/// A Teams message acknowledged before it is handled: the inbound item for the core, with where to write and which
/// activity to reply to (null posts a new message, as after an install). Journaled as JSON until handled.
/// </summary>
internal sealed record QueuedActivity(Inbound Inbound, ConversationReference Reference, string? ReplyToId, bool Personal);
