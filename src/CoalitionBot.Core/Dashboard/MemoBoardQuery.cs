using CoalitionBot.Core.Data;
using CoalitionBot.Core.Domain;
using CoalitionBot.Core.Reach;
using CoalitionBot.Core.Reminders;
using CoalitionBot.Documents;

namespace CoalitionBot.Core.Dashboard;

/// <summary>
/// The memo page: every organisation (or person, in individual mode) with its answer, grouped and ordered like
/// the final list (<see cref="PartnerListOrder"/>), the silent ones with their contacts and reminders, the
/// comments by paragraph, and the delivery health. A fixed number of queries, whatever the size of the coalition.
/// </summary>
public sealed class MemoBoardQuery(IDataSession data, TimeProvider clock)
{
    private sealed record Sent(Guid ContactId, string Purpose, DeliveryState State, DateTimeOffset NotBefore, DateTimeOffset CreatedAt, DateTimeOffset? SentAt, string? LastError, int Attempts, Conversation.Platform Platform, string? Route)
    {
        /// <summary>The route it went by as recorded when it was queued ("Slack DM", "e-mail (personal link), after Slack DM failed"); older rows have only the platform.</summary>
        public string RouteName => Route ?? ContactRoutes.Name(Platform);
    }

    private sealed record Candidate(string Key, string Name, string SortName, string? Category, List<Contact> Contacts);

    public async Task<MemoBoard?> LoadAsync(Guid coalitionId, string code, Answer? filter, CancellationToken ct)
    {
        var coalition = await data.FirstOrDefaultAsync(data.Coalitions.Where(c => c.Id == coalitionId), ct);
        if (coalition is null || !MemoCode.TryParse(code, out var number))
        {
            return null;
        }

        var memo = await data.FirstOrDefaultAsync(data.Memos.Where(m => m.CoalitionId == coalitionId && m.Number == number), ct);
        if (memo is null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var orgs = await data.ListAsync(data.Organisations.Where(o => o.CoalitionId == coalitionId), ct);
        var contacts = await data.ListAsync(data.Contacts.Where(c => c.CoalitionId == coalitionId), ct);
        var contactIds = contacts.Select(c => c.Id).ToList();
        var identities = await data.ListAsync(data.Identities.Where(i => contactIds.Contains(i.ContactId)), ct);
        var signOns = await data.ListAsync(data.SignOns.Where(s => s.MemoId == memo.Id), ct);
        var sent = await data.ListAsync(data.Deliveries.Where(d => d.MemoId == memo.Id && d.State != DeliveryState.Cancelled)
            .Select(d => new Sent(d.ContactId, d.Purpose, d.State, d.NotBefore, d.CreatedAt, d.SentAt, d.LastError, d.Attempts, d.Platform, d.Route)), ct);

        var names = contacts.ToDictionary(c => c.Id, c => c.Name);
        var orgById = orgs.ToDictionary(o => o.Id);
        var byContact = sent.ToLookup(s => s.ContactId);
        var identitiesOf = identities.ToLookup(i => i.ContactId);
        var contactsOf = contacts.Where(c => c.OrganisationId != null).ToLookup(c => c.OrganisationId!.Value);
        var answers = signOns.ToDictionary(s => s.SignerKey);
        var plan = memo.Status == MemoStatus.Open && memo.Deadline is { } deadline ? (deadline, ReminderSettings.PolicyFor(coalition, memo)) : ((DateTimeOffset, ReminderPolicy)?)null;

        var candidates = memo.Mode == SignOnMode.Individuals
            ? contacts.Where(c => c.OrganisationId != null).Select(c => new Candidate(SignOn.KeyForContact(c.Id), c.Name, SortNames.Derive(c.Name), (c.OrganisationId is { } orgId ? orgById.GetValueOrDefault(orgId)?.Category : null), [c]))
            : orgs.Select(o => new Candidate(SignOn.KeyForOrganisation(o.Id), o.Name, o.SortName, o.Category, contactsOf[o.Id].ToList()));

        var rows = candidates.Select(c =>
        {
            if (answers.TryGetValue(c.Key, out var s))
            {
                var route = s.OnBehalf ? "on behalf" : RouteOf(byContact[s.ActorId], identitiesOf[s.ActorId]);
                var given = new BoardAnswer(s.DisplayName, s.SignatoryName, s.SignatoryTitle, s.VersionNumber, s.At, route, names.GetValueOrDefault(s.ActorId, "?"),
                    s.Reason, s.Late, s.AwaitingApproval, s.NeedsReconfirmation);
                var sortName = s.OrganisationId is { } id && orgById.GetValueOrDefault(id) is { SortNameOverridden: true } o ? o.SortName : SortNames.Derive(s.DisplayName);
                // The directory's category governs, as on the final list (MemoLists).
                return (Row: new BoardRow(c.Key, c.Name, c.Category ?? s.Category, RouteNames.AnswerOf(s), given, []), SortName: sortName, Display: s.DisplayName);
            }

            var people = c.Contacts.OrderBy(p => p.Name, StringComparer.Ordinal)
                .Select(p => Contact(p, identitiesOf[p.Id].ToList(), byContact[p.Id].ToList(), plan, now)).ToList();
            return (Row: new BoardRow(c.Key, c.Name, c.Category, Answer.NoAnswer, null, people), SortName: c.SortName, Display: c.Name);
        }).ToList();

        var all = rows.Select(r => r.Row).ToList();
        var shown = rows.Where(r => filter is null || r.Row.Answer == filter);
        var groups = PartnerListOrder.Arrange(shown, r => r.Row.Category, r => r.SortName, r => r.Display, coalition.Categories, coalition.Culture)
            .Select(g => new BoardGroup(g.Category, g.Category ?? "Other organisations", g.Items.Select(i => i.Row).ToList())).ToList();
        var summary = MemoListQuery.Summarise(memo, signOns, all.Count) with { Counts = AnswerCounts.Of(all.Select(r => r.Answer)) };
        return new MemoBoard(summary, filter, groups,
            all.Where(r => r.Answer == Answer.NeedsReconfirmation).ToList(),
            all.Where(r => r.Answer == Answer.AwaitingApproval).ToList(),
            await CommentsAsync(memo, names, ct),
            Health(sent, names));
    }

    private static BoardContact Contact(Contact person, List<ContactIdentity> identities, List<Sent> sent, (DateTimeOffset Deadline, ReminderPolicy Policy)? plan, DateTimeOffset now)
    {
        var reach = person.Unreachable ? "unreachable (the platform said so)"
            : identities.Count > 0 ? ContactRoutes.Describe(ContactIdentity.Preferred(identities, person.PreferredPlatform), person)
            : person.Email is not null ? "not reachable yet (no chat identity)" : "not reachable (no chat identity or e-mail)";
        var reminders = sent.Where(s => s.Purpose == DeliveryPurpose.Reminder).ToList();
        var queued = reminders.Where(r => r.State == DeliveryState.Pending).Select(r => (DateTimeOffset?)r.NotBefore).Min();
        var planned = plan is { } p ? ReminderPlanner.Plan(p.Deadline, p.Policy, person.TimeZone, now).Select(r => (DateTimeOffset?)r.DueUtc).FirstOrDefault() : null;
        var last = sent.MaxBy(s => s.CreatedAt);
        var outcome = last switch
        {
            null => "nothing sent yet",
            { State: DeliveryState.Sent } => $"delivered by {last.RouteName}",
            { State: DeliveryState.Failed } => $"failed: {last.LastError ?? "no reason given"}",
            { Attempts: > 0 } => $"retrying: {last.LastError ?? "no reason given"}",
            _ => "queued",
        };
        return new BoardContact(person.Name, person.Email, reach, reminders.Count(r => r.State == DeliveryState.Sent), queued ?? planned, outcome);
    }

    private static string RouteOf(IEnumerable<Sent> sentToSigner, IEnumerable<ContactIdentity> identities)
    {
        // The route the memo actually reached the signer by (Delivery.Route); without one, where they talk to us.
        if (sentToSigner.Where(s => s.State == DeliveryState.Sent).MaxBy(s => s.CreatedAt) is { } last)
        {
            return last.RouteName;
        }

        var list = identities.ToList();
        return list.Count > 0 ? ContactRoutes.Name(ContactIdentity.Preferred(list).Platform) : "unknown";
    }

    private async Task<IReadOnlyList<BoardComment>> CommentsAsync(Memo memo, Dictionary<Guid, string> names, CancellationToken ct)
    {
        var comments = await data.ListAsync(data.Comments.Where(c => c.MemoId == memo.Id), ct);
        var replies = comments.Where(c => c.ParentId != null).ToLookup(c => c.ParentId!.Value);
        BoardComment Thread(Comment c) => new(c.Number, c.Paragraph, c.VersionNumber, names.GetValueOrDefault(c.AuthorId, "?"), c.Text, c.At, c.Resolved,
            replies[c.Id].OrderBy(r => r.At).ThenBy(r => r.Number).Select(Thread).ToList());
        return comments.Where(c => c.ParentId == null)
            .OrderBy(c => c.Paragraph ?? 0).ThenBy(c => c.Number)
            .Select(Thread).ToList();
    }

    private static DeliveryHealth Health(List<Sent> sent, Dictionary<Guid, string> names) => new(
        sent.Count(s => s.State == DeliveryState.Pending),
        sent.Count(s => s.State == DeliveryState.Sent),
        sent.Count(s => s.State == DeliveryState.Failed),
        sent.Where(s => s.State == DeliveryState.Failed).OrderByDescending(s => s.CreatedAt).Take(50)
            .Select(s => new DeliveryFailure(names.GetValueOrDefault(s.ContactId, "?"), s.Purpose, s.RouteName, s.LastError)).ToList());
}
