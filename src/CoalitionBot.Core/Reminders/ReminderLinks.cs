using System.Text.Json;
using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Data;
using CoalitionBot.Core.Domain;
using CoalitionBot.Core.Features;
using CoalitionBot.Core.Reach;

namespace CoalitionBot.Core.Reminders;

/// <summary>
/// Gives every reminder, escalation and re-confirmation request that goes by e-mail the contact's personal link (the
/// same one their circulation e-mail carried while it works), as <see cref="EmailRoute"/> does for circulation. The links
/// are saved in their own short save first, so the reminders' idempotent insert may reset and retry freely.
/// </summary>
internal static class ReminderLinks
{
    public static async Task<List<Delivery>> AttachAsync(IDataSession data, IPersonalLinks links, TimeProvider clock, Coalition coalition, Memo memo, List<Delivery> due, CancellationToken ct)
    {
        var mailed = due.Where(d => d.Platform == Platform.Email).ToList();
        if (mailed.Count == 0)
        {
            return due;
        }

        var ids = mailed.Select(d => d.ContactId).Distinct().ToList();
        for (var attempt = 0; ; attempt++)
        {
            data.Reset();
            var contacts = await data.ListAsync(data.Contacts.Where(c => ids.Contains(c.Id)), ct);
            var ctx = SystemRequest.For(data, clock, coalition, "reminder-links");
            var urls = new Dictionary<Guid, string>();
            foreach (var contact in contacts)
            {
                urls[contact.Id] = await links.IssueAsync(ctx, contact, memo, ct);
            }

            try
            {
                await data.SaveChangesAsync(ct);
            }
            catch (UniqueConflictException) when (attempt < 2)
            {
                continue; // another instance made one of these links at the same moment: issue again, which finds it
            }

            foreach (var row in mailed.Where(r => urls.ContainsKey(r.ContactId)))
            {
                row.Payload = JsonSerializer.Serialize(EmailRoute.WithUrl(Deliveries.Read(row), memo, urls[row.ContactId]), Deliveries.Json);
            }

            return due;
        }
    }
}
