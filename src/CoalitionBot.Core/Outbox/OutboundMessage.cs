using CoalitionBot.Core.Messages;

namespace CoalitionBot.Core.Outbox;

/// <summary>
/// One message for a platform client to send. When <paramref name="ReplacesPlatformMessageId"/> is set, the
/// client updates that earlier message (chat.update, PUT activity) instead of posting a new one.
/// </summary>
public sealed record OutboundMessage(Guid DeliveryId, DeliveryTarget Target, Message Message, string? ReplacesPlatformMessageId = null);
