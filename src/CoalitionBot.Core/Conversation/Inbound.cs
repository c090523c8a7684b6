namespace CoalitionBot.Core.Conversation;

/// <summary>
/// One platform-neutral inbound item. <paramref name="DeliveryId"/> is the platform's id for this delivery
/// (Slack event_id or action, Teams activity id) used to drop retries and double clicks. <paramref name="Origin"/>
/// is set by adapters whose answers the audit trail records with address and browser (the web sign-on page).
/// </summary>
public sealed record Inbound(string DeliveryId, Actor Actor, Place Place, InboundContent Content, InboundOrigin? Origin = null)
{
    /// <summary>
    /// The coalition the item is for when the adapter or the item itself says so (a personal link's, a dashboard
    /// session's, the coalition stamped on the button pressed); it outranks every other way of choosing one.
    /// </summary>
    public Guid? Coalition { get; init; }
}
