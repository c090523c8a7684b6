using CoalitionBot.Core.Data;
using CoalitionBot.Core.Domain;
using CoalitionBot.Core.Downloads;
using CoalitionBot.Core.Routing;

namespace CoalitionBot.Core.Reach;

/// <summary>
/// Issues and checks personal links to a memo's web sign-on page (<c>/m/{token}</c>). One active link per contact
/// and memo (a filtered unique index): issuing again returns it while it works, so every e-mail about a memo
/// carries the link the partner already has.
/// </summary>
public sealed class PersonalLinks(PersonalLinkTokens tokens, IPublicAddress address) : IPersonalLinks
{
    public const string Path = "/m/";

    public async Task<string> IssueAsync(RequestContext ctx, Contact contact, Memo memo, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var data = ctx.Data;
        var link = data.Added<PersonalLink>().FirstOrDefault(l => l.MemoId == memo.Id && l.ContactId == contact.Id && l.RevokedAt == null)
            ?? await ActiveAsync(data, memo.Id, contact.Id, ct);
        if (link is null)
        {
            link = new PersonalLink { CoalitionId = memo.CoalitionId, MemoId = memo.Id, ContactId = contact.Id, Seed = "", TokenHash = "" };
            Renew(link, ctx.Now);
            data.Add(link);
        }
        else if (!Matches(link) || (!PersonalLinkExpiry.SetByDeadline(memo) && PersonalLinkExpiry.ExpiresAt(link, memo) <= ctx.Now))
        {
            // Made with an earlier signing key, or its fixed lifetime ran out: the same row gets a new token.
            Renew(link, ctx.Now);
        }

        return UrlFor(link);
    }

    /// <summary>What the link with this token is, with its memo and contact when it works.</summary>
    public async Task<LinkCheck> CheckAsync(IDataSession data, string? token, DateTimeOffset now, CancellationToken ct)
    {
        if (!PersonalLinkTokens.IsWellFormed(token))
        {
            return LinkCheck.Unknown;
        }

        var hash = PersonalLinkTokens.HashOf(token!);
        var link = await data.FirstOrDefaultAsync(data.PersonalLinks.Where(l => l.TokenHash == hash), ct);
        var memo = link is null ? null : await data.FirstOrDefaultAsync(data.Memos.Where(m => m.Id == link.MemoId), ct);
        var contact = link is null ? null : await data.FirstOrDefaultAsync(data.Contacts.Where(c => c.Id == link.ContactId), ct);
        if (link is null || memo is null || contact is null)
        {
            return LinkCheck.Unknown;
        }

        var expires = PersonalLinkExpiry.ExpiresAt(link, memo);
        var state = link.RevokedAt is not null ? LinkState.Revoked : now >= expires ? LinkState.Expired : LinkState.Valid;
        return new LinkCheck(state, link, memo, contact, expires);
    }

    /// <summary>The contact's active (not revoked) link to the memo, if any.</summary>
    public static Task<PersonalLink?> ActiveAsync(IDataSession data, Guid memoId, Guid contactId, CancellationToken ct) =>
        data.FirstOrDefaultAsync(data.PersonalLinks.Where(l => l.MemoId == memoId && l.ContactId == contactId && l.RevokedAt == null), ct);

    private string UrlFor(PersonalLink link) => address.BaseUrl + Path + tokens.TokenFor(link.Seed);

    private bool Matches(PersonalLink link) => PersonalLinkTokens.HashOf(tokens.TokenFor(link.Seed)) == link.TokenHash;

    private void Renew(PersonalLink link, DateTimeOffset now)
    {
        link.Seed = PersonalLinkTokens.NewSeed();
        link.TokenHash = PersonalLinkTokens.HashOf(tokens.TokenFor(link.Seed));
        link.CreatedAt = now;
        link.FallbackExpiry = now + PersonalLinkExpiry.WithoutDeadline;
    }
}
