using CoalitionBot.Core.Domain;
using CoalitionBot.Core.Messages;
using CoalitionBot.Testing.Conversation;
using CoalitionBot.Testing.Support;
using Microsoft.EntityFrameworkCore;
using Xunit;
using Xunit.Abstractions;

namespace CoalitionBot.Core.Tests.Reminders;

/// <summary>
/// A whole campaign through chat: ten days from circulation (Fri 2026-10-23) to the deadline (Mon 2026-11-02
/// 12:00 New York = 17:00Z), partners in six time zones, across Europe's (25 Oct) and the US's (1 Nov)
/// fall-back changes, with a substantive version, a snooze, an escalation and a daily digest. The fake clock
/// moves in 30-minute steps; at each step the sweep and the outbox run as the host's workers would.
/// </summary>
public sealed class ReminderCampaignChatTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset Start = At("2026-10-23T14:00Z");
    private static readonly DateTimeOffset Deadline = At("2026-11-02T17:00Z");

    [SkippableTheory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task Campaign_TenDaysSixTimeZones_ExactlyTheseRemindersAtTheseTimes(string provider)
    {
        Dictionary<string, string?>? settings = null;
        if (provider == "Postgres")
        {
            var postgres = await Requirement.PostgresAsync(output);

            settings = new() { ["Storage:Provider"] = "Postgres", ["Storage:ConnectionString"] = await postgres.CreateDatabaseAsync() };
        }

        await using var bot = await TestBot.StartAsync(Start, settings);
        var cora = bot.Person("Cora Coordinator", "cora@coalition.org", "Europe/Berlin");
        var nora = bot.Person("Nora", "nora@liberty.org", "America/New_York");
        var berta = bot.Person("Berta", "berta@bpf.de", "Europe/Berlin");
        var taro = bot.Person("Taro", "taro@trc.jp", "Asia/Tokyo");
        var sid = bot.Person("Sid", "sid@sjn.au", "Australia/Sydney");
        var sally = bot.Person("Sally", "sally@sjn.au", "Europe/London");
        var aroha = bot.Person("Aroha", "aroha@ar.nz", "Pacific/Auckland");
        var leo = bot.Person("Leo", "leo@london-action.org", "Europe/London");

        await cora.Says("setup Rights Before Arms");
        foreach (var (org, person) in new[] { ("Liberty Watch", nora), ("Berlin Peace Forum", berta), ("Tokyo Rights Centre", taro), ("Sydney Justice Network", sid), ("Aotearoa Rights", aroha), ("London Action", leo) })
        {
            await cora.Says($"partners add {org} | International | Somewhere");
            await cora.Says($"partners link {org} | {person.Actor.DisplayName} | {person.Actor.Email}");
            await person.Says("help");
        }

        await cora.Says("digest 08:30");
        await cora.Says("new Memo to the Secretary of State | The Secretary of State | 2026-11-02 12:00 | America/New_York\nWe urge you to attach conditions.\n\nVet every unit.");
        await cora.Says("circulate M-1");
        await cora.Says("partners link Sydney Justice Network | Sally | sally@sjn.au"); // added after circulation and not looked up: never had the card

        var script = new SortedList<DateTimeOffset, Func<Task>>
        {
            [At("2026-10-26T10:00Z")] = () => leo.SignsOn("M-1"),
            [At("2026-10-27T10:00Z")] = () => cora.Says("publish M-1 substantive\nWe urge you to attach strict conditions.\n\nVet every unit.\n\nMonitor end use."),
            [At("2026-10-28T10:00Z")] = () => sally.Says("help"),
            [At("2026-10-28T12:00Z")] = () => aroha.SignsOn("M-1"),
            [At("2026-11-01T23:00Z")] = () => taro.Presses(ActionIds.Snooze, "M-1"),
            [At("2026-11-02T09:00Z")] = () => leo.SignsOn("M-1"),
            [At("2026-11-02T11:00Z")] = () => berta.Says("decline M-1"),
        };

        for (var now = Start; now <= Deadline.AddHours(1); now = now.AddMinutes(30))
        {
            bot.Clock.SetUtcNow(now);
            await bot.SweepAsync();
            await bot.DeliverAsync();
            if (script.TryGetValue(now, out var step))
            {
                await step();
                await bot.DeliverAsync();
            }
        }

        var emails = await bot.QueryAsync(db => db.Contacts.Where(c => c.Email != null).ToDictionaryAsync(c => c.Id, c => c.Email!));
        var reminders = await bot.QueryAsync(db => db.Deliveries.Where(d => d.Purpose == DeliveryPurpose.Reminder).ToListAsync());
        var sent = reminders.Where(d => d.State == DeliveryState.Sent).OrderBy(d => d.NotBefore).ThenBy(d => emails[d.ContactId])
            .Select(d => $"{emails[d.ContactId]} {d.NotBefore.UtcDateTime:MM-dd HH:mm}").ToList();
        Assert.Equal(
        [
            "berta@bpf.de 10-30 17:00",     // 3 d: Fri 18:00 CET (Berlin changed clocks on 25 Oct)
            "leo@london-action.org 10-30 17:00", // re-confirm after v2: Fri 17:00 GMT
            "nora@liberty.org 10-30 17:00", // 3 d: Fri 13:00 EDT
            "sid@sjn.au 11-01 21:00",       // 3 d: Sat 04:00 AEDT → Mon 08:00 (1 d merges into it)
            "taro@trc.jp 11-01 23:00",      // 3 d: Sat 02:00 JST → Mon 08:00; he snoozes: tomorrow is after the deadline, so nothing more
            "berta@bpf.de 11-02 07:00",     // 1 d: Sun 18:00 CET → Mon 08:00
            "leo@london-action.org 11-02 08:00", // 1 d: Sun → Mon 08:00 GMT; he re-confirms at 09:00Z
            "sid@sjn.au 11-02 08:59",       // 3 h: Tue 01:00 AEDT → too late, so Mon 19:59 AEDT
            "sally@sjn.au 11-02 09:59",     // escalation: Sid's last reminder + 1 h, to the colleague never circulated to
            "nora@liberty.org 11-02 13:00", // 1 d: Sun 12:00 EST (US changed clocks on 1 Nov) → Mon 08:00 EST
            "nora@liberty.org 11-02 14:00", // 3 h: Mon 09:00 EST; Berta declined at 11:00Z, so hers is not sent
        ], sent);
        Assert.All(reminders.Where(d => d.State == DeliveryState.Sent), d => Assert.InRange(d.SentAt!.Value - d.NotBefore, TimeSpan.Zero, TimeSpan.FromMinutes(30)));
        Assert.DoesNotContain(aroha.Delivered, m => m.Summary.StartsWith("Reminder", StringComparison.Ordinal));
        Assert.Contains("Nobody has answered M-1 for Sydney Justice Network yet. I asked Sid", Text(sally.Delivered.Single()));
        Assert.Contains("changed after London Action signed", Text(leo.Delivered.First(m => m.Summary.StartsWith("Reminder", StringComparison.Ordinal))));

        var digests = await bot.QueryAsync(db => db.Deliveries.Where(d => d.Purpose == DeliveryPurpose.Digest).OrderBy(d => d.NotBefore).Select(d => d.NotBefore).ToListAsync());
        Assert.Equal([At("2026-10-24T06:30Z"), .. Enumerable.Range(25, 7).Select(day => At($"2026-10-{day}T07:30Z")), At("2026-11-01T07:30Z"), At("2026-11-02T07:30Z")], digests);

        var memo = await bot.QueryAsync(db => db.Memos.SingleAsync());
        Assert.Equal(MemoStatus.Closed, memo.Status);
        Assert.Equal(Deadline, memo.ClosedAt);
        Assert.Contains("M-1 closed at its deadline", Text(cora.Inbox.Last()));
        var status = await cora.Says("status M-1");
        Assert.Contains("Reminders: 11 of 11 delivered.", status.Text);
    }

    private static string Text(Message message) => new BotReply(new Replies.MessageReply(message)).Text;

    private static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture).ToUniversalTime();
}
