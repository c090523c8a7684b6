using CoalitionBot.Core.Domain;

namespace CoalitionBot.Core.Reach;

/// <summary>What a search by e-mail gave: new, unsaved identities, and the contacts a platform asked to be looked up again later (with how long to wait).</summary>
public sealed record ContactSearch(List<ContactIdentity> Found, Dictionary<Guid, TimeSpan> Deferred);
