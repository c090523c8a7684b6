namespace CoalitionBot.Storage.Installations;

/// <summary>A used OAuth <c>state</c> nonce: its primary key makes each state single use, across instances.</summary>
public sealed class OAuthStateUse
{
    public required string Nonce { get; set; }

    public DateTimeOffset UsedAt { get; set; }
}
