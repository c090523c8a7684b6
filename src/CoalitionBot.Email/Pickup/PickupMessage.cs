namespace CoalitionBot.Email.Pickup;

/// <summary>One e-mail in the pickup folder, as a list shows it.</summary>
public sealed record PickupMessage(string Name, string Subject, string To, DateTimeOffset Date);
