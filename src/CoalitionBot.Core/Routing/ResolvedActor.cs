using CoalitionBot.Core.Domain;

namespace CoalitionBot.Core.Routing;

/// <summary>
/// Who is asking and for which coalition: the contact in that coalition (null for a stranger there), the coalition
/// (null when none is set up or the person must pick), the actor's e-mail as sent or as the platform reported it,
/// every coalition the person is a contact of and their contact in each, and what to tell them when no coalition was chosen.
/// </summary>
public sealed record ResolvedActor(Contact? Contact, Coalition? Coalition, string? Email, IReadOnlyList<Coalition> Memberships, IReadOnlyList<Contact> Contacts, string NoCoalition);
