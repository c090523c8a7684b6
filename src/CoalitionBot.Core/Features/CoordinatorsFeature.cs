using System.Net.Mail;
using CoalitionBot.Core.Domain;
using CoalitionBot.Core.Messages;
using CoalitionBot.Core.Replies;
using CoalitionBot.Core.Routing;

namespace CoalitionBot.Core.Features;

/// <summary>`coordinators`: who runs the coalition; coordinators add more.</summary>
public sealed class CoordinatorsFeature : IFeature
{
    public IEnumerable<Route> Routes =>
    [
        Route.Command("coordinators", Permission.Member, "coordinators [list | add <person> | <email>]", "Who the coordinators are. Coordinators can add another one.", Coordinators),
    ];

    private static async Task<Reply> Coordinators(RequestContext ctx, CancellationToken ct)
    {
        var (verb, rest) = ctx.Command.SplitRest();
        var coalition = ctx.CoalitionOrThrow;
        if (verb is "" or "list")
        {
            var people = await ctx.Data.ListAsync(ctx.Data.Contacts.Where(c => c.CoalitionId == coalition.Id && c.IsCoordinator).OrderBy(c => c.Name), ct);
            return new MessageReply(Message.Text($"Coordinators of {coalition.Name}: " + string.Join(", ", people.Select(p => p.Email is null ? p.Name : $"{p.Name} <{p.Email}>"))));
        }

        if (!verb.Equals("add", StringComparison.OrdinalIgnoreCase))
        {
            throw new RefusalException("Usage: `coordinators [list | add <person> | <email>]`.");
        }

        if (!ctx.IsCoordinator)
        {
            throw new RefusalException("Only coordinators can add coordinators.");
        }

        var parts = rest.Split('|').Select(p => p.Trim()).ToArray();
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
