using System.Globalization;
using System.Text;
using CoalitionBot.Core.Data;
using CoalitionBot.Core.Domain;
using CoalitionBot.Core.Features;
using CoalitionBot.Core.Messages;
using CoalitionBot.Documents;

namespace CoalitionBot.Core.Reminders;

/// <summary>
/// The daily digest of one open memo for each coordinator who asked for one (`digest 08:30`): new sign-ons,
/// declines and comments since their previous digest, and who is still missing. One per coordinator per
/// local day, keyed so two instances queue it once.
/// </summary>
internal sealed class DigestQueue(IDataSession data, TimeProvider clock, Coalition coalition, Memo memo, DateTimeOffset now)
{
    public async Task<List<Delivery>> DueAsync(CancellationToken ct)
    {
        var coordinators = await data.ListAsync(data.Contacts.Where(c => c.CoalitionId == coalition.Id && c.IsCoordinator && c.DigestAt != null), ct);
        if (coordinators.Count == 0)
        {
            return [];
        }

        var opened = await data.FirstOrDefaultAsync(data.Deliveries
            .Where(d => d.MemoId == memo.Id && d.Purpose == DeliveryPurpose.Circulation)
            .OrderBy(d => d.CreatedAt).Select(d => (DateTimeOffset?)d.CreatedAt), ct);
        if (opened is not { } circulatedAt)
        {
            return [];
        }

        var reach = await ReminderQueue.ReachAsync(data, coordinators.Select(c => c.Id).ToList(), ct);
        var due = new List<Delivery>();
        foreach (var coordinator in coordinators)
        {
            var zone = TimeZones.IsKnown(coordinator.TimeZone) ? coordinator.TimeZone : "UTC";
            var at = ReminderSettings.LatestDigestAtOrBefore(coordinator.DigestAt!.Value, zone, now);
            if (!reach.TryGetValue(coordinator.Id, out var identity) || at < circulatedAt || now - at > ReminderSettings.DigestStaleAfter)
            {
                continue;
            }

            var localDay = TimeZoneInfo.ConvertTime(at, TimeZones.Find(zone)).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
            var key = $"{DeliveryPurpose.Digest}:{memo.Id:N}:{coordinator.Id:N}:{localDay}";
            if (await data.CountAsync(data.Deliveries.Where(d => d.IdempotencyKey == key), ct) > 0)
            {
                continue;
            }

            var previous = ReminderSettings.LatestDigestAtOrBefore(coordinator.DigestAt.Value, zone, at.AddTicks(-1));
            var since = previous > circulatedAt ? previous : circulatedAt;
            due.Add(IdempotentInsert.NewDelivery(coalition.Id, identity, DeliveryPurpose.Digest, key, memo.Id, await BuildAsync(since, zone, ct), at, now));
        }

        return due;
    }

    private async Task<Message> BuildAsync(DateTimeOffset since, string zone, CancellationToken ct)
    {
        var ctx = SystemRequest.For(data, clock, coalition, "digest");
        var tally = await MemoTally.ForAsync(ctx, memo, ct);
        var fresh = await data.ListAsync(data.SignOns.Where(s => s.MemoId == memo.Id && s.At > since), ct);
        var comments = await data.ListAsync(data.Comments.Where(c => c.MemoId == memo.Id && c.At > since).OrderBy(c => c.Number), ct);
        var authorIds = comments.Select(c => c.AuthorId).Distinct().ToList();
        var authors = (await data.ListAsync(data.Contacts.Where(c => authorIds.Contains(c.Id)), ct)).ToDictionary(c => c.Id, c => c.Name);
        var signed = fresh.Where(s => s.State == SignOnState.Signed).Select(s => s.DisplayName).Order().ToList();
        var declined = fresh.Where(s => s.State == SignOnState.Declined).Select(s => s.DisplayName).Order().ToList();

        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Since {TimeZones.Describe(since, zone)}:");
        text.AppendLine(signed.Count == 0 ? "New sign-ons: none." : $"New sign-ons ({signed.Count}): {string.Join(", ", signed)}.");
        if (declined.Count > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"New declines ({declined.Count}): {string.Join(", ", declined)}.");
        }

        text.AppendLine(comments.Count == 0 ? "New comments: none." : $"New comments ({comments.Count}):");
        foreach (var comment in comments.Take(10))
        {
            var anchor = comment.Paragraph is { } p ? $" §{p}" : "";
            text.AppendLine(CultureInfo.InvariantCulture, $"• #{comment.Number}{anchor} {authors.GetValueOrDefault(comment.AuthorId, "someone")}: {Memos.Shorten(comment.Text, 140)}");
        }

        text.Append(tally.Missing.Count == 0 ? "Everyone has answered." : $"Still missing ({tally.Missing.Count}): {string.Join(", ", tally.Missing.Take(40).Select(m => m.Name))}{(tally.Missing.Count > 40 ? ", …" : "")}.");
        var title = $"Daily digest: {memo.Code} {memo.Title}";
        var deadline = memo.Deadline is { } d ? TimeZones.Describe(d, zone) : "none";
        return new Message($"{memo.Code}: {Counted.Of(signed.Count, "new sign-on")}, {tally.Missing.Count} still missing", [
            new TextBlock(title, Strong: true),
            new FieldsBlock([new Field("Signed", tally.Signed.Count.ToString(CultureInfo.InvariantCulture)), new Field("No answer", tally.Missing.Count.ToString(CultureInfo.InvariantCulture)), new Field("Deadline", deadline)]),
            new TextBlock(text.ToString().TrimEnd()),
            new ButtonsBlock([new Button("Status", ActionIds.Status, memo.Code)]),
        ]);
    }
}
