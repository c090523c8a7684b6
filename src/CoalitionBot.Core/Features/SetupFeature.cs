using CoalitionBot.Core.Domain;
using CoalitionBot.Core.Messages;
using CoalitionBot.Core.Replies;
using CoalitionBot.Core.Routing;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Core.Features;

/// <summary>
/// `setup`: the first person to run it where no coalition exists becomes its coordinator. Where coalitions exist,
/// `setup <new name>` starts another one for a coordinator of any coalition or a configured coordinator
/// (`Coalition:Coordinators`), who becomes its first coordinator and is switched to it.
/// </summary>
public sealed class SetupFeature(IOptions<CoalitionOptions> options) : IFeature
{
    /// <summary>The id of an installation's first coalition (see <see cref="Setup"/>).</summary>
    public static readonly Guid FirstCoalitionId = new("c0a11710-0000-4000-8000-000000000001");

    public IEnumerable<Route> Routes =>
    [
        Route.Command(120, "setup", Permission.Anyone, "setup [coalition name]", "Start a coalition and become its first coordinator (the first one; coordinators start more with a new name).", Setup),
    ];

    private async Task<Reply> Setup(RequestContext ctx, CancellationToken ct)
    {
        var name = ctx.Command.Rest.Trim();
        if (name.Length > 200)
        {
            throw new RefusalException("That name is too long: keep the coalition's name under 200 characters.");
        }

        List<Coalition> all;
        using (ctx.Scope.Everywhere())
        {
            all = await ctx.Data.ListAsync(ctx.Data.Coalitions.OrderBy(c => c.CreatedAt), ct);
        }

        if (all.Count > 0 && !MayStartAnother(ctx, name, all))
        {
            var existing = all.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase)) ?? ctx.Coalition ?? all[0];
            var isCoordinator = ctx.IsCoordinator && ctx.Coalition?.Id == existing.Id;
            var text = isCoordinator
                ? $"\"{existing.Name}\" is already set up and you are one of its coordinators. Next: `partners add …` to add partner organisations, then `new` to draft a memo."
                : $"\"{existing.Name}\" is already set up. Ask one of its coordinators to add you.";
            return new MessageReply(Message.Text(text));
        }

        var actor = ctx.Inbound.Actor;
        // The first coalition of an installation always gets the same id, so two people running `setup` at the same
        // moment cannot both create one: the second insert meets the first's primary key.
        var coalition = new Coalition { Id = all.Count == 0 ? FirstCoalitionId : Guid.NewGuid(), Name = name.Length > 0 ? name : options.Value.Name, CreatedAt = ctx.Now };
        var me = new Contact
        {
            CoalitionId = coalition.Id,
            Name = string.IsNullOrWhiteSpace(actor.DisplayName) ? actor.Identity.UserId : actor.DisplayName.Trim(),
            Email = Contact.NormaliseEmail(actor.Email),
            TimeZone = actor.TimeZone is { } tz && TimeZones.IsKnown(tz) ? tz : "UTC",
            IsCoordinator = true,
            IsAuthorisedSigner = false,
            CreatedAt = ctx.Now,
        };
        if (me.TimeZone != "UTC")
        {
            coalition.TimeZone = me.TimeZone;
        }

        ctx.Data.Add(coalition);
        ctx.Data.Add(me);
        ctx.Data.Add(new ContactIdentity
        {
            ContactId = me.Id,
            Platform = actor.Identity.Platform,
            TenantId = actor.Identity.TenantId,
            UserId = actor.Identity.UserId,
            ConversationId = ctx.Inbound.Place.ConversationId,
            Reference = ctx.Inbound.Place.Reference,
            LastSeenAt = ctx.Now,
        });
        if (all.Count > 0)
        {
            await CoalitionPlacesFeature.PickAsync(ctx, me.Id, ct); // the coordinator goes on in the coalition they just started
        }

        ctx.Coalition = coalition;
        ctx.Me = me;
        ctx.Audit("coalition.created", coalition.Name, null, after: new { coalition.Name, Coordinator = me.Name });
        try
        {
            await ctx.SaveAsync(ct);
        }
        catch (Data.UniqueConflictException)
        {
            return new MessageReply(Message.Text("Someone else set up the coalition at the same moment. Ask them to add you as a coordinator (`coordinators add`)."));
        }

        return new MessageReply(new Message("Coalition set up", [
            new TextBlock($"\"{coalition.Name}\" is set up and you are its coordinator.", Strong: true),
            new TextBlock("Next steps:\n1. `partners add <organisation> | <category> | <country>` for each partner organisation\n2. `partners contact <organisation> | <person> | <email>` for the people who answer for them\n3. `new` to draft a memo, then `circulate M-1`"),
            new FieldsBlock([new Field("Categories", string.Join(", ", coalition.Categories)), new Field("Time zone", coalition.TimeZone)]),
        ]));
    }

    /// <summary>
    /// Another coalition, under a name no coalition has, for someone trusted with one: a coordinator of any of their
    /// coalitions, or a coordinator the operator configured. Everyone else is told who already runs the bot here.
    /// </summary>
    private bool MayStartAnother(RequestContext ctx, string name, List<Coalition> all)
    {
        if (name.Length == 0 || all.Any(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        var email = Contact.NormaliseEmail(ctx.Inbound.Actor.Email);
        return ctx.IsCoordinator || ctx.MyContacts.Any(c => c.IsCoordinator)
            || (email is not null && options.Value.Coordinators.Any(c => string.Equals(c.Trim(), email, StringComparison.OrdinalIgnoreCase)));
    }
}
