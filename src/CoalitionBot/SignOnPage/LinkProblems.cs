using CoalitionBot.Core.Data;
using CoalitionBot.Core.Domain;
using CoalitionBot.Core.Reach;

namespace CoalitionBot.SignOnPage;

/// <summary>
/// The clear pages for a link that does not work (unknown 404, revoked or expired 410) or a request the page
/// refuses, each saying how to get a new link. Never an exception text.
/// </summary>
public static class LinkProblems
{
    public static readonly IResult FormRefused = SignOnPageViews.Problem(StatusCodes.Status400BadRequest, "This form could not be accepted",
        "It was not sent from this page, or the page was open for too long. Nothing was saved. Open the link from the e-mail again and answer there.");

    public static readonly IResult NotThisPage = SignOnPageViews.Problem(StatusCodes.Status400BadRequest, "This form could not be accepted",
        "That is not one of this memo's buttons or forms. Nothing was saved. Open the link from the e-mail again and answer there.");

    /// <summary>The page for a link that does not open, or null when it works.</summary>
    public static async Task<IResult?> ForAsync(LinkCheck check, IDataSession data, CancellationToken ct)
    {
        if (check.State == LinkState.Valid)
        {
            return null;
        }

        if (check.State == LinkState.Unknown)
        {
            return SignOnPageViews.Problem(StatusCodes.Status404NotFound, "This link does not work",
                "This address is not a personal sign-on link: it may have been cut short or changed when it was copied. Open the link from the e-mail again, "
                + "or copy the whole address. If it still does not work, reply to the e-mail and ask a coordinator to send you a new link.");
        }

        var memo = check.Memo!;
        var coalition = await data.FirstOrDefaultAsync(data.Coalitions.Where(c => c.Id == memo.CoalitionId).Select(c => c.Name), ct) ?? "the coalition";
        if (check.State == LinkState.Revoked)
        {
            return SignOnPageViews.Problem(StatusCodes.Status410Gone, "This link no longer works",
                (check.Link!.RevokedBy is null
                    ? $"A newer personal link for {memo.Code} replaced this one: look for a more recent e-mail about \"{memo.Title}\". "
                    : $"A coordinator of {coalition} revoked this personal link for {memo.Code} \"{memo.Title}\". ")
                + $"To get a new link, reply to the e-mail or ask a coordinator of {coalition}; they can send you one at once.");
        }

        return SignOnPageViews.Problem(StatusCodes.Status410Gone, "This link has expired",
            $"Your personal link for {memo.Code} \"{memo.Title}\" worked until {TimeZones.Describe(check.ExpiresAt!.Value, check.Contact?.TimeZone ?? memo.TimeZone)}"
            + (memo.Deadline is null ? "." : memo.LatePolicy == LatePolicy.Reject ? " (the memo's deadline; it does not accept late sign-ons)." : " (the memo's deadline plus the time it accepts late answers).")
            + $" If you still need to answer, ask a coordinator of {coalition}: they can extend the deadline or reopen the memo and send you a new link.");
    }

    /// <summary>
    /// Makes sure the contact has their e-mail identity (platform Email, tenant "email", the address), which the
    /// core knows them by on this page; a page when the address now belongs to someone else, or is gone.
    /// </summary>
    public static async Task<IResult?> IdentityAsync(IDataSession data, Contact contact, DateTimeOffset now, CancellationToken ct)
    {
        if (Contact.NormaliseEmail(contact.Email) is not { } email || email != contact.Email)
        {
            return NoAddress();
        }

        for (var attempt = 0; attempt < 3; attempt++)
        {
            var owner = await data.FirstOrDefaultAsync(data.Identities
                .Where(i => i.Platform == Core.Conversation.Platform.Email && i.TenantId == LinkInbound.Tenant && i.UserId == email).Select(i => (Guid?)i.ContactId), ct);
            if (owner is not null)
            {
                return owner == contact.Id ? null : NoAddress();
            }

            data.Add(new ContactIdentity { ContactId = contact.Id, Platform = Core.Conversation.Platform.Email, TenantId = LinkInbound.Tenant, UserId = email, ConversationId = email, LastSeenAt = now });
            try
            {
                await data.SaveChangesAsync(ct);
                return null;
            }
            catch (UniqueConflictException)
            {
                data.Reset(); // another request added it first: read it again
            }
        }

        return NoAddress();
    }

    private static IResult NoAddress() => SignOnPageViews.Problem(StatusCodes.Status403Forbidden, "This link can't be used to answer",
        "The e-mail address this link was sent to is no longer this person's in the partner directory. Nothing was saved. Ask a coordinator to correct the directory and send a new link.");
}
