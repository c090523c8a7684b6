using CoalitionBot.Core.Data;
using CoalitionBot.Core.Domain;
using CoalitionBot.Core.Features;

namespace CoalitionBot.Core.Reach;

/// <summary>What the web sign-on page shows for a working link: the memo as it is now and the answer that counts for the link's contact.</summary>
public sealed record LinkedMemo(Coalition Coalition, Memo Memo, MemoVersion Version, Contact Contact, Organisation? Organisation, SignOn? Answer)
{
    /// <summary>Who the link's holder answers for: the organisation, or the person in individual mode.</summary>
    public string AnswersFor => Memo.Mode == SignOnMode.Individuals || Organisation is null ? Contact.Name : Organisation.Name;

    public static async Task<LinkedMemo> LoadAsync(IDataSession data, Memo memo, Contact contact, CancellationToken ct)
    {
        var coalition = await data.FirstOrDefaultAsync(data.Coalitions.Where(c => c.Id == memo.CoalitionId), ct)
            ?? throw new InvalidOperationException($"{memo.Code} has no coalition.");
        var version = await data.FirstOrDefaultAsync(data.Versions.Where(v => v.MemoId == memo.Id && v.Number == memo.CurrentVersion), ct)
            ?? throw new InvalidOperationException($"{memo.Code} has no version {memo.CurrentVersion}.");
        var organisation = contact.OrganisationId is { } orgId ? await data.FirstOrDefaultAsync(data.Organisations.Where(o => o.Id == orgId), ct) : null;
        var key = Memos.SignerKeyFor(memo, contact);
        var answer = key is null ? null : await data.FirstOrDefaultAsync(data.SignOns.Where(s => s.MemoId == memo.Id && s.SignerKey == key), ct);
        return new LinkedMemo(coalition, memo, version, contact, organisation, answer);
    }
}
