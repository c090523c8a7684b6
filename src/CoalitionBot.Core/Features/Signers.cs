using CoalitionBot.Core.Domain;
using CoalitionBot.Core.Routing;

namespace CoalitionBot.Core.Features;

/// <summary>Decides who an answer is for: the person's organisation, the person (individual mode), or a partner a coordinator names.</summary>
internal static class Signers
{
    /// <summary>What only coordinators may do, as their refusal says it.</summary>
    public const string OnBehalf = "record a sign-on for another organisation";

    /// <summary>Who answers: my organisation (or me, in individual mode), or, for a coordinator, the organisation named.</summary>
    public static async Task<Signer> ResolveAsync(RequestContext ctx, Memo memo, Organisation? onBehalfOf, CancellationToken ct)
    {
        MemoViewFeature.RequireVisible(ctx, memo);
        var me = ctx.MeOrThrow;
        if (onBehalfOf is not null)
        {
            return new Signer(SignOn.KeyForOrganisation(onBehalfOf.Id), onBehalfOf.Id, onBehalfOf.Name, onBehalfOf.Category, true);
        }

        var org = me.OrganisationId is { } orgId ? await ctx.Data.FirstOrDefaultAsync(ctx.Data.Organisations.Where(o => o.Id == orgId), ct) : null;
        if (memo.Mode == SignOnMode.Individuals)
        {
            return new Signer(SignOn.KeyForContact(me.Id), org?.Id, me.Name, org?.Category, false);
        }

        if (org is null)
        {
            throw new RefusalException(ctx.IsCoordinator
                ? $"You are a coordinator, not a contact of a partner organisation. To record an organisation's answer, type `sign {memo.Code} for <organisation>`."
                : "You are not linked to a partner organisation yet. Ask a coordinator to add you.");
        }

        if (!me.IsAuthorisedSigner)
        {
            throw new RefusalException($"You are not listed as an authorised signer for {org.Name}. You can still comment; ask your organisation's signer or a coordinator to sign.");
        }

        return new Signer(SignOn.KeyForOrganisation(org.Id), org.Id, org.Name, org.Category, false);
    }

    public static async Task<(Memo Memo, Signer Signer)> FromContextAsync(RequestContext ctx, string context, bool accepting, CancellationToken ct)
    {
        var parts = context.Split('|', 2);
        var memo = await Memos.RequireAsync(ctx, parts[0], ct);
        Organisation? onBehalfOf = null;
        if (parts.Length == 2)
        {
            Permission.Coordinator.Demand(ctx, Signers.OnBehalf);

            var coalitionId = ctx.CoalitionOrThrow.Id;
            onBehalfOf = Guid.TryParse(parts[1], out var orgId)
                ? await ctx.Data.FirstOrDefaultAsync(ctx.Data.Organisations.Where(o => o.Id == orgId && o.CoalitionId == coalitionId), ct)
                : null;
            if (onBehalfOf is null)
            {
                throw new RefusalException("That organisation is no longer in the directory.");
            }
        }

        var signer = await ResolveAsync(ctx, memo, onBehalfOf, ct);
        if (accepting)
        {
            SignOnFeature.RequireAccepting(memo, ctx.Now);
        }

        return (memo, signer);
    }
}
