using System.Net.Mail;
using CoalitionBot.Core.Domain;
using CoalitionBot.Core.Messages;
using CoalitionBot.Core.Replies;
using CoalitionBot.Core.Routing;

namespace CoalitionBot.Core.Features;

/// <summary>`coordinators`: who runs the coalition; `coordinators add` (coordinators only) adds one more.</summary>
public sealed class CoordinatorsFeature : IFeature
{
    private const string Usage = "coordinators [list | add <person> | <email>]";

    public IEnumerable<Route> Routes =>
    [
        Route.Command(230, "coordinators", Permission.Member, Usage, "Who the coordinators are. Coordinators can add another one.", ListAsync),
        Route.Command(231, "coordinators add", Permission.Coordinator, "coordinators add <person> | <email>",
            "Makes someone a coordinator; they are recognised by that e-mail when they first talk to me.", AddAsync),
    ];

    private static async Task<Reply> ListAsync(RequestContext ctx, CancellationToken ct)
    {
        var verb = ctx.Command.SplitRest().First;
        var coalition = ctx.CoalitionOrThrow;
        if (verb.Length > 0 && verb != "list")
        {
            throw new RefusalException($"Usage: `{Usage}`.");
        }

        var people = await ctx.Data.ListAsync(ctx.Data.Contacts.Where(c => c.CoalitionId == coalition.Id && c.IsCoordinator).OrderBy(c => c.Name), ct);
        return new MessageReply(Message.Text($"Coordinators of {coalition.Name}: " + string.Join(", ", people.Select(p => p.Email is null ? p.Name : $"{p.Name} <{p.Email}>"))));
    }

    private static async Task<Reply> AddAsync(RequestContext ctx, CancellationToken ct)
    {
        var coalition = ctx.CoalitionOrThrow;
        var parts = ctx.Command.Rest.Split('|').Select(p => p.Trim()).ToArray();
        var email = parts.Length == 2 ? Contact.NormaliseEmail(parts[1]) : null;
        if (parts[0].Length == 0 || email is null || !MailAddress.TryCreate(email, out _))
        {
            throw new RefusalException("Usage: `coordinators add <person> | <email>`; they are recognised by that e-mail when they first talk to me.");
        }

        var contact = await ctx.Data.FirstOrDefaultAsync(ctx.Data.Contacts.Where(c => c.CoalitionId == coalition.Id && c.Email == email), ct);
        if (contact is { IsCoordinator: true })
        {
            return new MessageReply(Message.Text($"{contact.Name} is already a coordinator."));
        }

        if (contact is null)
        {
            contact = new Contact { CoalitionId = coalition.Id, Name = Memos.Shorten(parts[0], 200), Email = email, IsAuthorisedSigner = false, CreatedAt = ctx.Now };
            ctx.Data.Add(contact);
        }

        contact.IsCoordinator = true;
        ctx.Audit("coordinator.added", contact.Name, null, after: new { contact.Name, contact.Email });
        await ctx.SaveAsync(ct);
        return new MessageReply(Message.Text($"{contact.Name} <{email}> is now a coordinator."));
    }
}
