using CoalitionBot.Core.Domain;

namespace CoalitionBot.Core.Reach;

/// <summary>The result of opening a personal link: its state and, when known, the link, its memo and contact, and when it expires.</summary>
public sealed record LinkCheck(LinkState State, PersonalLink? Link = null, Memo? Memo = null, Contact? Contact = null, DateTimeOffset? ExpiresAt = null)
{
    public static readonly LinkCheck Unknown = new(LinkState.Unknown);
}
