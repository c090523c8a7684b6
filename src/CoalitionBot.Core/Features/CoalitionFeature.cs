using System.Globalization;
using CoalitionBot.Core.Domain;
using CoalitionBot.Core.Messages;
using CoalitionBot.Core.Replies;
using CoalitionBot.Core.Routing;

namespace CoalitionBot.Core.Features;

/// <summary>
/// `coalition`: the coalition's own settings — its name, ordered categories, list culture and time zone.
/// `coalition` shows them; each setting is a subcommand that changes one, audited.
/// </summary>
public sealed class CoalitionFeature : IFeature
{
    private const string Usage = "coalition [name <name> | categories <A>, <B>, … | culture <en-GB> | timezone <Europe/Berlin>]";

    public IEnumerable<Route> Routes =>
    [
        Route.Command(240, "coalition", Permission.Coordinator, Usage,
            "Shows or changes the coalition's settings: its name, its categories in the order the final list uses, the culture names are alphabetised in, and its default time zone.", Settings),
        Route.Command(241, "coalition name", Permission.Coordinator, "coalition name <name>", "Renames the coalition (at most 200 characters).",
            (ctx, ct) => ChangeAsync(ctx, (c, value) => Set(value.Length is > 0 and <= 200, () => c.Name = value), ct)),
        Route.Command(242, "coalition categories", Permission.Coordinator, "coalition categories <A>, <B>, …",
            "Sets the categories, in the order the final list uses; categories partners still use must stay.", CategoriesAsync),
        Route.Command(243, "coalition culture", Permission.Coordinator, "coalition culture <en-GB>", "Sets the culture the final list is alphabetised in.",
            (ctx, ct) => ChangeAsync(ctx, (c, value) => TryCulture(value) is { } culture && Set(true, () => c.Culture = culture), ct)),
        Route.Command(244, "coalition timezone", Permission.Coordinator, "coalition timezone <Europe/Berlin>", "Sets the coalition's default time zone (an IANA name).",
            (ctx, ct) => ChangeAsync(ctx, (c, value) => Set(TimeZones.IsKnown(value), () => c.TimeZone = value), ct)),
    ];

    private static Task<Reply> Settings(RequestContext ctx, CancellationToken ct) =>
        ctx.Command.Rest.Length == 0 ? Task.FromResult<Reply>(new MessageReply(Show(ctx.CoalitionOrThrow))) : throw Refusal();

    private static async Task<Reply> CategoriesAsync(RequestContext ctx, CancellationToken ct)
    {
        var categories = ctx.Command.Rest.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (categories.Count == 0 || categories.Count > 20 || categories.Any(c => c.Length > 60))
        {
            throw new RefusalException("Give 1 to 20 categories separated by commas, in the order the final list should use, for example `coalition categories International, National, Local`.");
        }

        var orgs = await Memos.OrganisationsAsync(ctx, ct);
        var orphaned = orgs.Where(o => o.Category is not null && !categories.Contains(o.Category, StringComparer.OrdinalIgnoreCase)).Select(o => o.Category!).Distinct().ToList();
        if (orphaned.Count > 0)
        {
            throw new RefusalException($"Partners still use {string.Join(", ", orphaned.Select(c => $"\"{c}\""))}: keep those categories in the list, or move the partners first.");
        }

        return await ChangeAsync(ctx, (c, _) => Set(true, () => c.Categories = categories), ct);
    }

    /// <summary>Applies one setting (refusing with the usage when <paramref name="apply"/> says the value is wrong), audits, saves and shows the settings.</summary>
    private static async Task<Reply> ChangeAsync(RequestContext ctx, Func<Coalition, string, bool> apply, CancellationToken ct)
    {
        var coalition = ctx.CoalitionOrThrow;
        var before = new { coalition.Name, Categories = string.Join(", ", coalition.Categories), coalition.Culture, coalition.TimeZone };
        if (!apply(coalition, ctx.Command.Rest))
        {
            throw Refusal();
        }

        ctx.Audit("coalition.changed", coalition.Name, null, before, new { coalition.Name, Categories = string.Join(", ", coalition.Categories), coalition.Culture, coalition.TimeZone });
        await ctx.SaveAsync(ct);
        return new MessageReply(Show(coalition));
    }

    private static bool Set(bool valid, Action set)
    {
        if (valid)
        {
            set();
        }

        return valid;
    }

    private static RefusalException Refusal() =>
        new($"Usage: `{Usage}`. Cultures are names such as en-GB, es-ES or fr-FR; time zones IANA names such as Europe/Berlin.");

    private static Message Show(Coalition coalition) => new($"{coalition.Name}: settings", [
        new TextBlock(coalition.Name, Strong: true),
        new FieldsBlock([
            new Field("Categories, in list order", string.Join(", ", coalition.Categories)),
            new Field("Alphabetised as", $"{coalition.Culture} ({CultureInfo.GetCultureInfo(coalition.Culture).EnglishName})"),
            new Field("Time zone", coalition.TimeZone),
        ]),
    ]);

    private static string? TryCulture(string name)
    {
        try
        {
            var culture = CultureInfo.GetCultureInfo(name.Trim(), predefinedOnly: true);
            return string.IsNullOrEmpty(culture.Name) ? null : culture.Name;
        }
        catch (CultureNotFoundException)
        {
            return null;
        }
    }
}
