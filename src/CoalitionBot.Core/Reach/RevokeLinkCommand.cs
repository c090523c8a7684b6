using CoalitionBot.Core.Domain;
using CoalitionBot.Core.Features;
using CoalitionBot.Core.Messages;
using CoalitionBot.Core.Replies;
using CoalitionBot.Core.Routing;

namespace CoalitionBot.Core.Reach;

/// <summary>
/// `partners revoke-link M-3 <person> | <email>`: a coordinator stops a contact's personal link to a memo (a
/// forwarded or leaked e-mail). Audited; the next circulation, `nudge` or reminder sends a new link.
/// </summary>
internal static class RevokeLinkCommand
{
    public const string Usage = "partners revoke-link M-3 <person> | <email>";

    public static async Task<Reply> RunAsync(RequestContext ctx, string rest, CancellationToken ct)
    {
        var (code, who) = new CommandLine("", rest).SplitRest();
        if (who.Length == 0)
        {
            throw new RefusalException($"Whose link? Usage: `{Usage}`.");
        }

        var memo = await Memos.RequireAsync(ctx, code, ct);
        var contact = await FindContactAsync(ctx, who, ct);
        var link = await PersonalLinks.ActiveAsync(ctx.Data, memo.Id, contact.Id, ct)
            ?? throw new RefusalException($"{contact.Name} has no working personal link to {memo.Code}; there is nothing to revoke.");
        link.RevokedAt = ctx.Now;
        link.RevokedBy = ctx.MeOrThrow.Id;
        ctx.Audit("link.revoked", $"{memo.Code} / {contact.Name}", memo.Id, after: new { Link = link.Id, Contact = contact.Id });
        await ctx.SaveAsync(ct);
        return new MessageReply(Message.Text(
            $"{contact.Name}'s personal link to {memo.Code} is revoked: it now opens a page saying so, and nothing can be answered with it. "
            + $"To send {contact.Name} a new link, type `nudge {memo.Code}` (or circulate again)."));
    }

    private static async Task<Contact> FindContactAsync(RequestContext ctx, string who, CancellationToken ct)
    {
        var coalitionId = ctx.CoalitionOrThrow.Id;
        var email = Contact.NormaliseEmail(who);
        var byEmail = await ctx.Data.FirstOrDefaultAsync(ctx.Data.Contacts.Where(c => c.CoalitionId == coalitionId && c.Email == email), ct);
        if (byEmail is not null)
        {
            return byEmail;
        }

        var name = who.Trim().ToLowerInvariant();
        var named = await ctx.Data.ListAsync(ctx.Data.Contacts.Where(c => c.CoalitionId == coalitionId && c.Name.ToLower() == name), ct);
        return named.Count switch
        {
            1 => named[0],
            0 => throw new RefusalException($"I can't find a contact called \"{Memos.Shorten(who)}\". Give their name or e-mail as `partners` lists it."),
            _ => throw new RefusalException($"{named.Count} contacts are called \"{Memos.Shorten(who)}\"; give the e-mail instead: "
                + string.Join(", ", named.Select(c => c.Email ?? "(no e-mail)")) + "."),
        };
    }
}
