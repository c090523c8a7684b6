using System.ComponentModel.DataAnnotations;

namespace CoalitionBot.Core.Outbox.Budget;

/// <summary>Configuration section "SendBudget": how long a sender waits for its place in a platform's shared rate budget.</summary>
public sealed class SendBudgetOptions
{
    public const string Section = "SendBudget";

    /// <summary>
    /// A call whose place in the budget is further away than this is not reserved: the outbox reschedules the
    /// delivery for then instead of holding a worker (and its claim) that long. Zero: never wait.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan LongestWait { get; set; } = TimeSpan.FromSeconds(30);
}
