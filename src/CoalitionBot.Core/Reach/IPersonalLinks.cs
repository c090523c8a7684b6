using CoalitionBot.Core.Domain;
using CoalitionBot.Core.Routing;

namespace CoalitionBot.Core.Reach;

/// <summary>
/// Issues a contact's personal link to a memo's web sign-on page: the capability an e-mailed partner answers
/// with. Unguessable, bound to the contact and the memo, expiring, revocable by a coordinator.
/// </summary>
public interface IPersonalLinks
{
    /// <summary>
    /// The absolute URL of this contact's personal link for this memo, stored in the current unit of work
    /// (saved with the delivery that carries it). While a valid link exists the same one is returned, so a
    /// reminder or a retried e-mail carries the link the partner already has.
    /// </summary>
    Task<string> IssueAsync(RequestContext ctx, Contact contact, Memo memo, CancellationToken ct);
}
