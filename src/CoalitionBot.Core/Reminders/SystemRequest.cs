using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Data;
using CoalitionBot.Core.Domain;
using CoalitionBot.Core.Routing;

namespace CoalitionBot.Core.Reminders;

/// <summary>
/// A request the bot makes of itself (closing at a deadline), so the features' audited code paths can be
/// reused. Its key is recorded like an inbound item's: when two instances do the same job at once, the
/// second save conflicts and is dropped as a duplicate.
/// </summary>
internal static class SystemRequest
{
    public const string Tenant = "system";

    public static RequestContext For(IDataSession data, TimeProvider clock, Coalition coalition, string key)
    {
        var actor = new Actor(new ChatIdentity(Platform.Web, Tenant, "coalitionbot"), "CoalitionBot");
        var inbound = new Inbound("system:" + key, actor, new Place(Platform.Web, Tenant, Tenant, PlaceKind.Direct), new CommandText(""));
        return new RequestContext(inbound, data, clock, me: null, coalition);
    }

    public static string InboundKey(string key) => $"{Platform.Web}:system:{key}";
}
