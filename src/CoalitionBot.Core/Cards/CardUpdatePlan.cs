using CoalitionBot.Core.Messages;

namespace CoalitionBot.Core.Cards;

/// <summary>What the outbox does with a claimed card update, decided by <see cref="CardUpdates.PrepareAsync"/> just before sending.</summary>
public abstract record CardUpdatePlan;

/// <summary>Send <paramref name="Message"/> (the card as it is now) over the message the earlier delivery posted.</summary>
public sealed record CardUpdateReady(Message Message, string ReplacesPlatformMessageId) : CardUpdatePlan;

/// <summary>The card it replaces has not been sent yet: try again at <paramref name="Until"/>, without counting an attempt.</summary>
public sealed record CardUpdatePostponed(DateTimeOffset Until) : CardUpdatePlan;

/// <summary>Nothing to update (the card was never delivered, or its memo is gone): cancel the row with <paramref name="Reason"/>.</summary>
public sealed record CardUpdateDropped(string Reason) : CardUpdatePlan;
