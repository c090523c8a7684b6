using CoalitionBot.Core.Data;
using CoalitionBot.Core.Domain;
using CoalitionBot.Documents;

namespace CoalitionBot.Core.Downloads;

/// <summary>Compiles a memo's partner list from the store with <see cref="PartnerListBuilder"/>; chat and downloads share it, so they agree.</summary>
public static class MemoLists
{
    /// <summary>
    /// Signed sign-ons only (withdrawn and declined ones are not signatures; late ones awaiting approval are held back),
    /// in the coalition's category order and culture, dated the day the memo closed (today while it is open).
    /// </summary>
    public static async Task<PartnerList> BuildAsync(IDataSession data, Coalition coalition, Memo memo, ListChoice choice, DateTimeOffset now, CancellationToken ct)
    {
        var signOns = await data.ListAsync(data.SignOns.Where(s => s.MemoId == memo.Id && s.State == SignOnState.Signed && !s.AwaitingApproval), ct);
        var orgIds = signOns.Where(s => s.OrganisationId != null).Select(s => s.OrganisationId!.Value).Distinct().ToList();
        var orgs = (await data.ListAsync(data.Organisations.Where(o => orgIds.Contains(o.Id)), ct)).ToDictionary(o => o.Id);
        var signatories = signOns.Select(s =>
        {
            var org = s.OrganisationId is { } id ? orgs.GetValueOrDefault(id) : null;

            // A coordinator's sort-name override wins; otherwise sort by the name as printed.
            var sortName = org is { SortNameOverridden: true } ? org.SortName : null;
            return new Signatory(s.DisplayName, sortName, org?.Category ?? s.Category, org?.Country, s.Late, s.NeedsReconfirmation,
                s.SignatoryName, s.SignatoryTitle, s.At, s.VersionHash, s.LateAfterClosing);
        }).ToList();
        return PartnerListBuilder.Build(new PartnerListRequest(memo.Title, memo.Addressee, DateOf(memo, now), coalition.Categories, coalition.Culture,
            signatories, choice.Late, choice.Unconfirmed, choice.Countries, choice.Paper));
    }

    /// <summary>The list's date: the day the memo closed, in the memo's time zone (so a final list keeps its hash), or today.</summary>
    public static DateOnly DateOf(Memo memo, DateTimeOffset now)
    {
        var at = memo.Status is MemoStatus.Closed or MemoStatus.Final && memo.ClosedAt is { } closed ? closed : now;
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, TimeZones.Find(memo.TimeZone)).DateTime);
    }
}
