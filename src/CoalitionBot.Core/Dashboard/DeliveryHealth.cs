namespace CoalitionBot.Core.Dashboard;

/// <summary>The memo's messages: queued (including scheduled reminders), sent, failed, and who the failures were for.</summary>
public sealed record DeliveryHealth(int Queued, int Sent, int Failed, IReadOnlyList<DeliveryFailure> Failures);
