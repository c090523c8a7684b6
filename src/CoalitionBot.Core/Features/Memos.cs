using CoalitionBot.Core.Domain;
using CoalitionBot.Core.Routing;

namespace CoalitionBot.Core.Features;

/// <summary>Look-ups of memos and their parts that many handlers share, refusing with a helpful message when absent.</summary>
internal static class Memos
{
    public static async Task<Memo> RequireAsync(RequestContext ctx, string? code, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            throw new RefusalException("Which memo? Give its code, for example `M-3`. Type `list` to see open memos.");
        }

        if (!MemoCode.TryParse(code, out var number))
        {
            throw new RefusalException($"`{Shorten(code)}` is not a memo code. Memo codes look like `M-3`. Type `list` to see open memos.");
        }

        var coalitionId = ctx.CoalitionOrThrow.Id;
        return await ctx.Data.FirstOrDefaultAsync(ctx.Data.Memos.Where(m => m.CoalitionId == coalitionId && m.Number == number), ct)
            ?? throw new RefusalException($"I can't find memo {MemoCode.Format(number)}. Type `list` to see open memos.");
    }

    public static async Task<MemoVersion> CurrentVersionAsync(RequestContext ctx, Memo memo, CancellationToken ct) =>
        await ctx.Data.FirstOrDefaultAsync(ctx.Data.Versions.Where(v => v.MemoId == memo.Id && v.Number == memo.CurrentVersion), ct)
        ?? throw new InvalidOperationException($"{memo.Code} has no version {memo.CurrentVersion}.");

    public static Task<List<Organisation>> OrganisationsAsync(RequestContext ctx, CancellationToken ct)
    {
        var coalitionId = ctx.CoalitionOrThrow.Id;
        return ctx.Data.ListAsync(ctx.Data.Organisations.Where(o => o.CoalitionId == coalitionId), ct);
    }

    public static Task<List<SignOn>> SignOnsAsync(RequestContext ctx, Memo memo, CancellationToken ct) =>
        ctx.Data.ListAsync(ctx.Data.SignOns.Where(s => s.MemoId == memo.Id), ct);

    /// <summary>The sign-on that answers for me on this memo (my organisation's, or mine in individual mode).</summary>
    public static async Task<SignOn?> MyAnswerAsync(RequestContext ctx, Memo memo, CancellationToken ct)
    {
        if (ctx.Me is not { } me || SignerKeyFor(memo, me) is not { } key)
        {
            return null;
        }

        return await ctx.Data.FirstOrDefaultAsync(ctx.Data.SignOns.Where(s => s.MemoId == memo.Id && s.SignerKey == key), ct);
    }

    public static string? SignerKeyFor(Memo memo, Contact contact) => memo.Mode switch
    {
        SignOnMode.Individuals => SignOn.KeyForContact(contact.Id),
        _ when contact.OrganisationId is { } org => SignOn.KeyForOrganisation(org),
        _ => null,
    };

    public static string Shorten(string text, int max = 40) =>
        text.Length <= max ? text : text[..(max - 1)] + "…";
}
