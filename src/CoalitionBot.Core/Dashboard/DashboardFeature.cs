using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Domain;
using CoalitionBot.Core.Downloads;
using CoalitionBot.Core.Messages;
using CoalitionBot.Core.Replies;
using CoalitionBot.Core.Routing;

namespace CoalitionBot.Core.Dashboard;

/// <summary>`dashboard` (or the status reply's Dashboard button): a one-time sign-in link to the coordinator's dashboard, valid for ten minutes.</summary>
public sealed class DashboardFeature(IPublicAddress address) : IFeature
{
    /// <summary>Where a link points: the sign-in page, with the token as the last path segment.</summary>
    public const string SignInPath = "/dashboard/sign-in/";

    public IEnumerable<Route> Routes =>
    [
        Route.Command(145, "dashboard", Permission.Coordinator, "dashboard",
            "A one-time link (valid 10 minutes) that signs you in to the dashboard: every memo and organisation at a glance, live, with the same actions as here.",
            Dashboard),
        Route.Action(ActionIds.Dashboard, Permission.Coordinator, "The Dashboard button on a status: the same one-time link as `dashboard`.", Dashboard),
    ];

    private async Task<Reply> Dashboard(RequestContext ctx, CancellationToken ct)
    {
        if (ctx.Inbound.Place.Kind != PlaceKind.Direct)
        {
            // Anyone in the channel could open a link posted there.
            throw new RefusalException("A sign-in link is personal: ask me for `dashboard` in a direct message.");
        }

        var token = DashboardTokens.New();
        var identity = ctx.Inbound.Actor.Identity;
        var link = new DashboardLink
        {
            TokenHash = DashboardTokens.Hash(token),
            ContactId = ctx.MeOrThrow.Id,
            Platform = identity.Platform,
            TenantId = identity.TenantId,
            UserId = identity.UserId,
            CreatedAt = ctx.Now,
            ExpiresAt = ctx.Now + DashboardTokens.LinkLifetime,
        };
        ctx.Data.Add(link);
        ctx.Audit("dashboard.link", ctx.MeOrThrow.Name, null, after: new { link.ExpiresAt });
        await ctx.SaveAsync(ct);

        var blocks = new List<Block>
        {
            new TextBlock($"Your dashboard link works once, until {TimeZones.Describe(link.ExpiresAt, ctx.Me?.TimeZone)}. Do not share it: it signs in as you."),
            new ButtonsBlock([new Button("Open the dashboard", ActionIds.Download, "dashboard", ButtonStyle.Primary, address.BaseUrl + SignInPath + token)]),
        };
        if (identity.Platform == Platform.Web)
        {
            blocks.Add(new TextBlock("This is the local playground: identities are not verified, so anyone at this machine can sign in as anyone."));
        }

        return new MessageReply(new Message("Your dashboard link", blocks));
    }
}
