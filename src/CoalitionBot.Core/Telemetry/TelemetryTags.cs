namespace CoalitionBot.Core.Telemetry;

/// <summary>The tag names, shared by every instrument and activity.</summary>
public static class TelemetryTags
{
    public const string Platform = "coalitionbot.platform";
    public const string Kind = "coalitionbot.kind";
    public const string Reason = "coalitionbot.reason";
    public const string Outcome = "coalitionbot.outcome";
    public const string DeliveryId = "coalitionbot.delivery_id";
    public const string Route = "coalitionbot.route";
    public const string Purpose = "coalitionbot.purpose";
}
