namespace CoalitionBot.Core.Dashboard;

/// <summary>How many organisations (or people) gave each answer.</summary>
public sealed record AnswerCounts(int Signed, int NeedsReconfirmation, int AwaitingApproval, int Declined, int Withdrawn, int NoAnswer)
{
    public int Total => Signed + NeedsReconfirmation + AwaitingApproval + Declined + Withdrawn + NoAnswer;

    public int Of(Answer answer) => answer switch
    {
        Answer.Signed => Signed,
        Answer.NeedsReconfirmation => NeedsReconfirmation,
        Answer.AwaitingApproval => AwaitingApproval,
        Answer.Declined => Declined,
        Answer.Withdrawn => Withdrawn,
        _ => NoAnswer,
    };

    public static AnswerCounts Of(IEnumerable<Answer> answers)
    {
        var list = answers.ToList();
        int Count(Answer a) => list.Count(x => x == a);
        return new(Count(Answer.Signed), Count(Answer.NeedsReconfirmation), Count(Answer.AwaitingApproval), Count(Answer.Declined), Count(Answer.Withdrawn), Count(Answer.NoAnswer));
    }
}
