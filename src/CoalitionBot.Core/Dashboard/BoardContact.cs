namespace CoalitionBot.Core.Dashboard;

/// <summary>A contact of an organisation that has not answered: how the bot reaches them and what it sent.</summary>
public sealed record BoardContact(string Name, string? Email, string Reach, int RemindersSent, DateTimeOffset? NextReminder, string LastOutcome);
