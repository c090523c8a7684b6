using CoalitionBot.Core.Domain;
using System.Text.Json;
using CoalitionBot.Core.Messages;
using CoalitionBot.Core.Replies;
using CoalitionBot.Core.Routing;

namespace CoalitionBot.Core.Features;

/// <summary>
/// The partner directory's category governs where an organisation appears on the list. A signer who chooses
/// another one makes a request: audited, and the coordinators are told how to accept it with
/// `partners set-category`, which moves the organisation (audited) and says whose requests it accepts.
/// </summary>
internal static class CategoryRequests
{
    public const string Usage = "partners set-category <organisation> | <category>";

    private const string Requested = "organisation.category-requested";
    public static async Task RecordAsync(RequestContext ctx, Memo memo, Signer signer, string? requested, CancellationToken ct)
    {
        if (signer.Category is null || requested is null || string.Equals(signer.Category, requested, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        ctx.Audit(Requested, signer.Name, memo.Id, before: new { Category = signer.Category }, after: new { Category = requested });
        var text = $"{ctx.MeOrThrow.Name} asked, when signing {memo.Code}, that {signer.Name} be listed under \"{requested}\" instead of \"{signer.Category}\". "
            + $"The list keeps \"{signer.Category}\" until you accept: `partners set-category {signer.Name} | {requested}`.";
        await Deliveries.NotifyCoordinatorsAsync(ctx, $"category-request:{memo.Id:N}:{signer.OrganisationId:N}:{requested.ToLowerInvariant()}",
            new Message($"Category request from {signer.Name}", [new TextBlock(text)]), ct);
    }

    /// <summary>`partners set-category <organisation> | <category>`: the directory's category, which the final list uses.</summary>
    public static async Task<Reply> SetAsync(RequestContext ctx, CancellationToken ct)
    {
        var parts = ctx.Command.Rest.Split('|').Select(p => p.Trim()).ToArray();
        if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
        {
            throw new RefusalException($"Usage: `{Usage}`");
        }

        var coalition = ctx.CoalitionOrThrow;
        var org = await PartnersFeature.RequireOrganisationAsync(ctx, parts[0], ct);
        var category = coalition.FindCategory(parts[1])
            ?? throw new RefusalException($"\"{Memos.Shorten(parts[1])}\" is not one of the coalition's categories: {string.Join(", ", coalition.Categories)}.");
        if (string.Equals(org.Category, category, StringComparison.Ordinal))
        {
            return new MessageReply(Message.Text($"{org.Name} is already listed under \"{category}\"."));
        }

        var requests = (await ctx.Data.ListAsync(ctx.Data.AuditEvents.Where(e => e.CoalitionId == coalition.Id && e.Action == Requested && e.Subject == org.Name), ct))
            .Where(e => string.Equals(CategoryOf(e.After), category, StringComparison.OrdinalIgnoreCase)).ToList();
        var memoIds = requests.Select(e => e.MemoId).OfType<Guid>().Distinct().ToList();
        var askerIds = requests.Select(e => e.ActorId).OfType<Guid>().Distinct().ToList();
        var codes = (await ctx.Data.ListAsync(ctx.Data.Memos.Where(m => memoIds.Contains(m.Id)), ct)).OrderBy(m => m.Number).Select(m => m.Code).ToList();
        var askers = (await ctx.Data.ListAsync(ctx.Data.Contacts.Where(c => askerIds.Contains(c.Id)), ct)).Select(c => c.Name).Order(StringComparer.Ordinal).ToList();

        var before = org.Category;
        org.Category = category;
        ctx.Audit("organisation.category-set", org.Name, null, before: new { Category = before }, after: new { Category = category, AcceptsRequestsFrom = askers, Memos = codes });
        await ctx.SaveAsync(ct);
        var accepted = requests.Count == 0 ? "" : $" This accepts the request {string.Join(" and ", askers)} made when signing {string.Join(", ", codes)}.";
        return new MessageReply(Message.Text($"{org.Name} is now listed under \"{category}\" (it was under \"{before ?? "no category"}\").{accepted} "
            + "Every list compiled from now on puts it there; a memo already final keeps the list it was finalised with."));
    }

    private static string? CategoryOf(string? json)
    {
        try
        {
            return json is null ? null
                : JsonDocument.Parse(json).RootElement is { ValueKind: JsonValueKind.Object } root && root.TryGetProperty("Category", out var c) && c.ValueKind == JsonValueKind.String
                    ? c.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
