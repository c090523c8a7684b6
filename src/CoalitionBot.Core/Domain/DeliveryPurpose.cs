namespace CoalitionBot.Core.Domain;

/// <summary>The purposes a delivery can have; part of its idempotency key.</summary>
public static class DeliveryPurpose
{
    public const string Circulation = "circulation";
    public const string NewVersion = "version";
    public const string Reminder = "reminder";
    public const string Receipt = "receipt";
    public const string Notice = "notice";
    public const string Digest = "digest";
    public const string CardUpdate = "card-update";
}
