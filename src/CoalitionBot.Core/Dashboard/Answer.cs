namespace CoalitionBot.Core.Dashboard;

/// <summary>An organisation's answer as the dashboard filters it; the words are the ones `status` uses.</summary>
public enum Answer
{
    Signed,
    NeedsReconfirmation,
    AwaitingApproval,
    Declined,
    Withdrawn,
    NoAnswer,
}
