using CoalitionBot.Core.Domain;
using CoalitionBot.Core.Messages;
using CoalitionBot.Core.Routing;

namespace CoalitionBot.Core.Features;

/// <summary>
/// The partner directory's category governs where an organisation appears on the list. A signer who chooses
/// another one makes a request: audited, and the coordinators are told how to accept it.
/// </summary>
internal static class CategoryRequests
{
    public static async Task RecordAsync(RequestContext ctx, Memo memo, Signer signer, string? requested, CancellationToken ct)
    {
        if (signer.Category is null || requested is null || string.Equals(signer.Category, requested, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        ctx.Audit("organisation.category-requested", signer.Name, memo.Id, before: new { Category = signer.Category }, after: new { Category = requested });
        var text = $"{ctx.MeOrThrow.Name} asked, when signing {memo.Code}, that {signer.Name} be listed under \"{requested}\" instead of \"{signer.Category}\". "
            + $"The list keeps \"{signer.Category}\" until you accept: `partners set-category {signer.Name} | {requested}`.";
        await Deliveries.NotifyCoordinatorsAsync(ctx, $"category-request:{memo.Id:N}:{signer.OrganisationId:N}:{requested.ToLowerInvariant()}",
            new Message($"Category request from {signer.Name}", [new TextBlock(text)]), ct);
    }
}
