using CoalitionBot.Core.Data;
using CoalitionBot.Core.Domain;
using CoalitionBot.Core.Features;
using CoalitionBot.Core.Reach;

namespace CoalitionBot.Core.Reminders;

/// <summary>
/// Works out, for one open memo at one instant, which reminders and escalations are due and not yet queued.
/// Reminders go to the contacts who had the memo card, while their organisation (or, in individual mode,
/// they) have not answered, or must re-confirm after a substantive version; the plan is
/// <see cref="ReminderPlanner.Plan"/> in each contact's time zone, counted from the latest card they got.
/// Only the latest due reminder is queued, so a bot that was down sends one, not a burst.
/// </summary>
internal sealed class ReminderQueue(IDataSession data, Coalition coalition, Memo memo, DateTimeOffset now)
{
    private readonly ReminderPolicy _policy = ReminderSettings.PolicyFor(coalition, memo);

    public async Task<List<Delivery>> DueAsync(CancellationToken ct)
    {
        var deadline = memo.Deadline ?? throw new InvalidOperationException($"{memo.Code} has no deadline.");
        var version = await data.FirstOrDefaultAsync(data.Versions.Where(v => v.MemoId == memo.Id && v.Number == memo.CurrentVersion), ct);
        if (version is null)
        {
            return [];
        }

        var contacts = await data.ListAsync(data.Contacts.Where(c => c.CoalitionId == coalition.Id && c.OrganisationId != null && !c.Unreachable), ct);
        var organisations = (await data.ListAsync(data.Organisations.Where(o => o.CoalitionId == coalition.Id), ct)).ToDictionary(o => o.Id);
        var signOns = (await data.ListAsync(data.SignOns.Where(s => s.MemoId == memo.Id), ct)).ToDictionary(s => s.SignerKey);
        var reach = await ReachAsync(data, contacts.Select(c => c.Id).ToList(), ct);
        var rows = await data.ListAsync(data.Deliveries
            .Where(d => d.MemoId == memo.Id && (d.Purpose == DeliveryPurpose.Circulation || d.Purpose == DeliveryPurpose.NewVersion || d.Purpose == DeliveryPurpose.Reminder)
                && d.State != DeliveryState.Failed && d.State != DeliveryState.Cancelled)
            .Select(d => new { d.ContactId, d.Purpose, d.IdempotencyKey, d.NotBefore, d.CreatedAt }), ct);
        var anchors = rows.Where(r => r.Purpose != DeliveryPurpose.Reminder).GroupBy(r => r.ContactId).ToDictionary(g => g.Key, g => g.Max(r => r.CreatedAt));
        var reminders = rows.Where(r => r.Purpose == DeliveryPurpose.Reminder).ToList();
        var keys = reminders.Select(r => r.IdempotencyKey).ToHashSet(StringComparer.Ordinal);
        var reminded = reminders.Select(r => r.ContactId).ToHashSet();
        var snoozes = (await data.ListAsync(data.Snoozes.Where(s => s.MemoId == memo.Id), ct)).ToDictionary(s => s.ContactId);

        if (await CancelPendingAsync(data, memo.Id, contactId => !NeedsAnswer(contacts.Find(c => c.Id == contactId), signOns), "They answered.", now, ct) > 0)
        {
            await data.SaveChangesAsync(ct);
        }

        data.Reset();

        var due = new List<Delivery>();
        var finished = new Dictionary<Guid, DateTimeOffset?>(); // contact with no reminder left → when their last one was due (null: none)
        foreach (var contact in contacts)
        {
            if (!reach.TryGetValue(contact.Id, out var identity) || !anchors.TryGetValue(contact.Id, out var anchor) || !IsReminded(contact, contacts, signOns))
            {
                continue;
            }

            var zone = TimeZones.IsKnown(contact.TimeZone) ? contact.TimeZone : "UTC";
            var slots = Slots(deadline, zone, anchor, snoozes.GetValueOrDefault(contact.Id));
            var current = slots.Where(s => s.Due <= now).MaxBy(s => s.Due);
            if (slots.TrueForAll(s => s.Due <= now))
            {
                finished[contact.Id] = current?.Due;
            }

            if (current is null)
            {
                continue;
            }

            var key = Key(contact.Id, version.Number, current.Suffix);
            if (!keys.Contains(key))
            {
                var answer = Memos.SignerKeyFor(memo, contact) is { } k ? signOns.GetValueOrDefault(k) : null;
                var who = memo.Mode == SignOnMode.Individuals ? "you" : organisations.GetValueOrDefault(contact.OrganisationId!.Value)?.Name ?? "your organisation";
                due.Add(IdempotentInsert.NewDelivery(coalition.Id, identity, DeliveryPurpose.Reminder, key, memo.Id,
                    ReminderCards.Reminder(memo, version, answer, who, zone), current.Due, now));
            }
        }

        if (memo.Mode == SignOnMode.Organisations)
        {
            due.AddRange(Escalations(deadline, version, contacts, organisations, signOns, reach, anchors, reminded, finished, keys));
        }

        return due;
    }

    /// <summary>
    /// After every contact of an unanswered organisation who had the card has had their last reminder, and
    /// <see cref="ReminderSettings.EscalationDelay"/> more, the organisation's contacts who were never
    /// reminded (not circulated to: no chat identity then, or added later) are asked, in their allowed hours.
    /// </summary>
    private IEnumerable<Delivery> Escalations(
        DateTimeOffset deadline, MemoVersion version, List<Contact> contacts, Dictionary<Guid, Organisation> organisations,
        Dictionary<string, SignOn> signOns, Dictionary<Guid, ContactIdentity> reach, Dictionary<Guid, DateTimeOffset> anchors,
        HashSet<Guid> reminded, Dictionary<Guid, DateTimeOffset?> finished, HashSet<string> keys)
    {
        foreach (var group in contacts.GroupBy(c => c.OrganisationId!.Value))
        {
            if (signOns.ContainsKey(SignOn.KeyForOrganisation(group.Key)) || !organisations.TryGetValue(group.Key, out var organisation))
            {
                continue;
            }

            var primary = group.Where(c => anchors.ContainsKey(c.Id) && reach.ContainsKey(c.Id)).ToList();
            if (primary.Count == 0 || !primary.TrueForAll(c => finished.ContainsKey(c.Id)))
            {
                continue; // someone who had the card still has a reminder to come
            }

            var last = primary.Select(c => finished[c.Id]).Max();
            if (last is not { } lastDue || lastDue + ReminderSettings.EscalationDelay > now)
            {
                continue;
            }

            var asked = primary.Where(c => reminded.Contains(c.Id)).Select(c => c.Name).ToList();
            foreach (var other in group.Where(c => !anchors.ContainsKey(c.Id) && !reminded.Contains(c.Id) && reach.ContainsKey(c.Id)))
            {
                var zone = TimeZones.IsKnown(other.TimeZone) ? other.TimeZone : "UTC";
                var at = _policy.QuietHours.NextAllowed(lastDue + ReminderSettings.EscalationDelay, zone);
                var key = Key(other.Id, version.Number, "escalation");
                if (at < deadline && !keys.Contains(key))
                {
                    yield return IdempotentInsert.NewDelivery(coalition.Id, reach[other.Id], DeliveryPurpose.Reminder, key, memo.Id,
                        ReminderCards.Escalation(memo, version, organisation.Name, asked, zone), at, now);
                }
            }
        }
    }

    /// <summary>The instants this contact is due a reminder: the plan, minus what a snooze holds back, plus the snooze's one reminder.</summary>
    private List<Slot> Slots(DateTimeOffset deadline, string zone, DateTimeOffset anchor, ReminderSnooze? snooze)
    {
        if (snooze is not null && snooze.Until <= anchor)
        {
            snooze = null; // a newer card came after the snoozed reminder was due
        }

        var slots = ReminderPlanner.Plan(deadline, _policy, zone, anchor)
            .Where(p => snooze is null || p.DueUtc >= snooze.Until)
            .Select(p => new Slot(p.DueUtc, p.Index.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        if (snooze is not null && snooze.Until < deadline)
        {
            slots.Add(new Slot(snooze.Until, "s" + snooze.Until.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return slots;
    }

    /// <summary>Whether this contact gets reminders: their signer has not answered, or signed and must re-confirm (then only the person who signed, when they are a contact).</summary>
    private bool IsReminded(Contact contact, List<Contact> contacts, Dictionary<string, SignOn> signOns)
    {
        if (!NeedsAnswer(contact, signOns))
        {
            return false;
        }

        var answer = Memos.SignerKeyFor(memo, contact) is { } key ? signOns.GetValueOrDefault(key) : null;
        return answer is null || answer.ActorId == contact.Id || !contacts.Exists(c => c.Id == answer.ActorId);
    }

    private bool NeedsAnswer(Contact? contact, Dictionary<string, SignOn> signOns)
    {
        if (contact is null || Memos.SignerKeyFor(memo, contact) is not { } key)
        {
            return false;
        }

        return signOns.GetValueOrDefault(key) is not { } answer || answer is { State: SignOnState.Signed, NeedsReconfirmation: true };
    }

    private string Key(Guid contactId, int version, string suffix) => $"{DeliveryPurpose.Reminder}:{memo.Id:N}:v{version}:{contactId:N}:{suffix}";

    /// <summary>Each contact's route: the identity they were reached on (<see cref="ContactRoutes.UsableAsync"/>).</summary>
    public static Task<Dictionary<Guid, ContactIdentity>> ReachAsync(IDataSession data, List<Guid> contactIds, CancellationToken ct) =>
        ContactRoutes.UsableAsync(data, contactIds, ct);

    /// <summary>Marks reminders queued for later (not being sent now) to contacts <paramref name="cancel"/> picks as cancelled; the caller saves.</summary>
    public static async Task<int> CancelPendingAsync(IDataSession data, Guid memoId, Func<Guid, bool> cancel, string reason, DateTimeOffset now, CancellationToken ct)
    {
        var pending = await data.ListAsync(data.Deliveries.Where(d => d.MemoId == memoId && d.Purpose == DeliveryPurpose.Reminder
            && d.State == DeliveryState.Pending && (d.LeaseUntil == null || d.LeaseUntil < now)), ct);
        var cancelled = pending.Where(d => cancel(d.ContactId)).ToList();
        foreach (var row in cancelled)
        {
            row.State = DeliveryState.Cancelled;
            row.LastError = reason;
        }

        return cancelled.Count;
    }

    private sealed record Slot(DateTimeOffset Due, string Suffix);
}
