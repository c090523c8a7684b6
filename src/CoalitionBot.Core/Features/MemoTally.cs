using CoalitionBot.Core.Domain;
using CoalitionBot.Core.Routing;

namespace CoalitionBot.Core.Features;

/// <summary>Who answered a memo how: the sign-ons by state and the organisations (or people) with no answer yet.</summary>
public sealed record MemoTally(
    IReadOnlyList<string> Categories,
    IReadOnlyList<SignOn> Signed,
    IReadOnlyList<SignOn> Declined,
    IReadOnlyList<SignOn> Withdrawn,
    IReadOnlyList<SignOn> Reconfirm,
    IReadOnlyList<MemoTally.Unanswered> Missing)
{
    /// <summary>Someone who has not answered: an organisation, or a person in individual mode.</summary>
    public sealed record Unanswered(string Key, string Name, string? Category, Guid? OrganisationId, Guid? ContactId);

    public static async Task<MemoTally> ForAsync(RequestContext ctx, Memo memo, CancellationToken ct)
    {
        var coalition = ctx.CoalitionOrThrow;
        var signOns = await Memos.SignOnsAsync(ctx, memo, ct);
        var answered = signOns.Select(s => s.SignerKey).ToHashSet();
        List<Unanswered> missing;
        if (memo.Mode == SignOnMode.Individuals)
        {
            var people = await ctx.Data.ListAsync(ctx.Data.Contacts.Where(c => c.CoalitionId == coalition.Id && c.OrganisationId != null), ct);
            missing = people.Where(p => !answered.Contains(SignOn.KeyForContact(p.Id)))
                .Select(p => new Unanswered(SignOn.KeyForContact(p.Id), p.Name, null, p.OrganisationId, p.Id)).OrderBy(m => m.Name).ToList();
        }
        else
        {
            var orgs = await Memos.OrganisationsAsync(ctx, ct);
            missing = orgs.Where(o => !answered.Contains(SignOn.KeyForOrganisation(o.Id)))
                .OrderBy(o => o.SortName, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo(coalition.Culture), ignoreCase: true))
                .Select(o => new Unanswered(SignOn.KeyForOrganisation(o.Id), o.Name, o.Category, o.Id, null)).ToList();
        }

        var signed = signOns.Where(s => s.State == SignOnState.Signed).ToList();
        return new MemoTally(
            coalition.Categories,
            signed,
            signOns.Where(s => s.State == SignOnState.Declined).ToList(),
            signOns.Where(s => s.State == SignOnState.Withdrawn).ToList(),
            signed.Where(s => s.NeedsReconfirmation).ToList(),
            missing);
    }
}
