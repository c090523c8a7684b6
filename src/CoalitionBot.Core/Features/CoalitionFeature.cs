using System.Globalization;
using CoalitionBot.Core.Domain;
using CoalitionBot.Core.Messages;
using CoalitionBot.Core.Replies;
using CoalitionBot.Core.Routing;

namespace CoalitionBot.Core.Features;

/// <summary>`coalition`: the coalition's own settings — its name, ordered categories, list culture and time zone.</summary>
public sealed class CoalitionFeature : IFeature
{
    private const string Usage = "coalition [name <name> | categories <A>, <B>, … | culture <en-GB> | timezone <Europe/Berlin>]";

    public IEnumerable<Route> Routes =>
    [
        Route.Command("coalition", Permission.Coordinator, Usage,
            "Shows or changes the coalition's settings: its name, its categories in the order the final list uses, the culture names are alphabetised in, and its default time zone.", Settings),
    ];

    private static async Task<Reply> Settings(RequestContext ctx, CancellationToken ct)
    {
        var coalition = ctx.CoalitionOrThrow;
        var (setting, value) = ctx.Command.SplitRest();
        var before = new { coalition.Name, Categories = string.Join(", ", coalition.Categories), coalition.Culture, coalition.TimeZone };
        switch (setting.ToLowerInvariant())
        {
            case "":
                return new MessageReply(Show(coalition));
            case "name" when value.Length is > 0 and <= 200:
                coalition.Name = value;
                break;
            case "categories":
                var categories = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
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

                coalition.Categories = categories;
                break;
            case "culture" when TryCulture(value) is { } culture:
                coalition.Culture = culture;
                break;
            case "timezone" when TimeZones.IsKnown(value):
                coalition.TimeZone = value;
                break;
            default:
                throw new RefusalException($"Usage: `{Usage}`. Cultures are names such as en-GB, es-ES or fr-FR; time zones IANA names such as Europe/Berlin.");
        }

        ctx.Audit("coalition.changed", coalition.Name, null, before, new { coalition.Name, Categories = string.Join(", ", coalition.Categories), coalition.Culture, coalition.TimeZone });
        await ctx.SaveAsync(ct);
        return new MessageReply(Show(coalition));
    }

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
