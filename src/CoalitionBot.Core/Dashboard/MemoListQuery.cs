using CoalitionBot.Core.Data;
using CoalitionBot.Core.Domain;

namespace CoalitionBot.Core.Dashboard;

/// <summary>The front page: a coalition's memos, newest first, with their answer counts.</summary>
public sealed class MemoListQuery(IDataSession data)
{
    public async Task<IReadOnlyList<MemoSummary>> ListAsync(Guid coalitionId, CancellationToken ct)
    {
        var memos = await data.ListAsync(data.Memos.Where(m => m.CoalitionId == coalitionId).OrderByDescending(m => m.Number), ct);
        var ids = memos.Select(m => m.Id).ToList();
        var signOns = await data.ListAsync(data.SignOns.Where(s => ids.Contains(s.MemoId)), ct);
        var expected = await ExpectedAsync(data, coalitionId, ct);
        return memos.Select(m => Summarise(m, signOns.Where(s => s.MemoId == m.Id).ToList(), m.Mode == SignOnMode.Individuals ? expected.People : expected.Organisations)).ToList();
    }

    /// <summary>The memo's summary when it belongs to the coalition, else null.</summary>
    public async Task<MemoSummary?> FindAsync(Guid coalitionId, string code, CancellationToken ct)
    {
        if (!MemoCode.TryParse(code, out var number))
        {
            return null;
        }

        var memo = await data.FirstOrDefaultAsync(data.Memos.Where(m => m.CoalitionId == coalitionId && m.Number == number), ct);
        if (memo is null)
        {
            return null;
        }

        var signOns = await data.ListAsync(data.SignOns.Where(s => s.MemoId == memo.Id), ct);
        var expected = await ExpectedAsync(data, coalitionId, ct);
        return Summarise(memo, signOns, memo.Mode == SignOnMode.Individuals ? expected.People : expected.Organisations);
    }

    internal static MemoSummary Summarise(Memo memo, IReadOnlyList<SignOn> signOns, int expected)
    {
        var answers = signOns.Select(RouteNames.AnswerOf).ToList();
        var counts = AnswerCounts.Of(answers) with { NoAnswer = Math.Max(0, expected - signOns.Count) };
        return new MemoSummary(memo.Id, memo.Code, memo.Title, memo.Addressee, memo.Status, memo.Deadline, memo.TimeZone, memo.CurrentVersion, counts);
    }

    private static async Task<(int Organisations, int People)> ExpectedAsync(IDataSession data, Guid coalitionId, CancellationToken ct) =>
        (await data.CountAsync(data.Organisations.Where(o => o.CoalitionId == coalitionId), ct),
         await data.CountAsync(data.Contacts.Where(c => c.CoalitionId == coalitionId && c.OrganisationId != null), ct));
}
