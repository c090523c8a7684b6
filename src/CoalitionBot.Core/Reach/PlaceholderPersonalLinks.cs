using CoalitionBot.Core.Domain;
using CoalitionBot.Core.Downloads;
using CoalitionBot.Core.Routing;

namespace CoalitionBot.Core.Reach;

/// <summary>
/// PLACEHOLDER until the web sign-on page (branch `signpage`) merges: it registers the real
/// <see cref="IPersonalLinks"/> and the integrator deletes this file. This link is NOT a capability (not signed,
/// not stored, not expiring); it only lets the e-mail route be built and tested end to end.
/// </summary>
internal sealed class PlaceholderPersonalLinks(IPublicAddress address) : IPersonalLinks
{
    public Task<string> IssueAsync(RequestContext ctx, Contact contact, Memo memo, CancellationToken ct) =>
        Task.FromResult($"{address.BaseUrl}/memo/{memo.Code}?placeholder-contact={contact.Id:N}");
}
