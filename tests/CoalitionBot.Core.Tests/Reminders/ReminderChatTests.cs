using CoalitionBot.Core.Domain;
using CoalitionBot.Core.Messages;
using CoalitionBot.Core.Tests.Conversation;
using CoalitionBot.Testing.Conversation;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace CoalitionBot.Core.Tests.Reminders;

/// <summary>Reminders, snoozes, nudges and the deadline as partners and coordinators see them in chat.</summary>
public sealed class ReminderChatTests
{
    // CoalitionChat circulates M-1 on Mon 2026-11-02 14:00Z with its deadline Fri 2026-11-20 17:00 Berlin (16:00Z).
    private static readonly DateTimeOffset ThreeDaysBefore = new(2026, 11, 17, 16, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Sweep_ThreeDaysBefore_RemindsOnlyOrganisationsWithoutAnswer()
    {
        await using var chat = await CoalitionChat.StartAsync();
        await chat.Bot.DeliverAsync();
        await chat.Amira.SignsOn("M-1");

        chat.Bot.Clock.SetUtcNow(ThreeDaysBefore);
        await chat.Bot.SweepAsync();
        await chat.Bot.DeliverAsync();

        Assert.Single(chat.Amira.Inbox); // only the circulated card: her organisation answered
        Assert.Single(chat.Ben.Inbox);   // and so his colleague's answer counts for him
        var reminder = Assert.Single(ReminderCardsOf(chat.Sam));
        Assert.Contains("Global Peace Network has not answered M-1", new BotReply(new Replies.MessageReply(reminder)).Text);
        Assert.Equal(["Sign on", "Decline", "Remind me tomorrow", "Read full text"], reminder.Blocks.OfType<ButtonsBlock>().Single().Buttons.Select(b => b.Label));
        Assert.Single(ReminderCardsOf(chat.Lucia));
    }

    [Fact]
    public async Task Sweep_RunTwiceOrLate_QueuesEachReminderOnce()
    {
        await using var chat = await CoalitionChat.StartAsync();
        chat.Bot.Clock.SetUtcNow(ThreeDaysBefore);
        await chat.Bot.SweepAsync();
        await chat.Bot.SweepAsync();
        await chat.Bot.DeliverAsync();

        Assert.Single(ReminderCardsOf(chat.Sam));
    }

    [Fact]
    public async Task Snooze_RemindMeTomorrow_NoReminderUntilThenOne()
    {
        await using var chat = await CoalitionChat.StartAsync();
        // Sam (Zurich) snoozes on Thu 19 Nov 10:00Z = 11:00 local: the 1-day reminder (Thu 16:00Z) is held back.
        chat.Bot.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 19, 10, 0, 0, TimeSpan.Zero));
        await chat.Bot.SweepAsync();
        await chat.Bot.DeliverAsync();
        var before = ReminderCardsOf(chat.Sam).Count;
        var reply = await chat.Sam.Presses(ActionIds.Snooze, "M-1");
        Assert.Contains("no reminders about M-1 until Fri 20 Nov 2026, 11:00", reply.Text);

        chat.Bot.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 19, 16, 30, 0, TimeSpan.Zero));
        await chat.Bot.SweepAsync();
        await chat.Bot.DeliverAsync();
        Assert.Equal(before, ReminderCardsOf(chat.Sam).Count);

        chat.Bot.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero));
        await chat.Bot.SweepAsync();
        await chat.Bot.DeliverAsync();
        Assert.Equal(before + 1, ReminderCardsOf(chat.Sam).Count);
    }

    [Fact]
    public async Task Nudge_NamedOrganisation_RemindsOnlyItsContactsNow()
    {
        await using var chat = await CoalitionChat.StartAsync();
        await chat.Bot.DeliverAsync();
        var reply = await chat.Cora.Says("nudge M-1 Global Peace Network");
        await chat.Bot.DeliverAsync();

        Assert.Contains("1 reminder about M-1 queued", reply.Text);
        Assert.Single(ReminderCardsOf(chat.Sam));
        Assert.Empty(ReminderCardsOf(chat.Lucia));
        Assert.Empty(ReminderCardsOf(chat.Amira));
        var status = await chat.Cora.Says("status M-1");
        Assert.Contains("Reminders: 1 of 1 delivered.", status.Text);
    }

    [Fact]
    public async Task Nudge_OrganisationThatAnswered_Refuses()
    {
        await using var chat = await CoalitionChat.StartAsync();
        await chat.Lucia.Says("decline M-1");
        var reply = await chat.Cora.Says("nudge M-1 Fundación Derechos Humanos");
        Assert.Contains("has answered M-1 already", reply.Text);
    }

    [Fact]
    public async Task Deadline_Passes_MemoClosesItselfAndCoordinatorsGetStatus()
    {
        await using var chat = await CoalitionChat.StartAsync();
        await chat.Sam.SignsOn("M-1");
        await chat.Bot.DeliverAsync();

        chat.Bot.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 20, 16, 1, 0, TimeSpan.Zero));
        var result = await chat.Bot.SweepAsync();
        await chat.Bot.SweepAsync();
        await chat.Bot.DeliverAsync();

        Assert.Equal(1, result.Closed);
        var memo = await chat.Bot.QueryAsync(db => db.Memos.SingleAsync());
        Assert.Equal(MemoStatus.Closed, memo.Status);
        Assert.Equal(1, await chat.Bot.QueryAsync(db => db.AuditEvents.CountAsync(a => a.Action == "memo.closed" && a.ActorId == null)));
        var notice = Assert.Single(chat.Cora.Inbox);
        var text = new BotReply(new Replies.MessageReply(notice)).Text;
        Assert.Contains("M-1 closed at its deadline", text);
        Assert.Contains("Signed: 1", text);

        var late = await chat.Lucia.SignsOn("M-1");
        Assert.Contains("marked late", late.Text); // the memo's late policy (accept and flag) still applies
    }

    [Fact]
    public async Task Reopen_AfterDeadlineClose_SweepDoesNotCloseAgain()
    {
        await using var chat = await CoalitionChat.StartAsync();
        chat.Bot.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 20, 16, 1, 0, TimeSpan.Zero));
        await chat.Bot.SweepAsync();
        await chat.Cora.Says("reopen M-1");

        var result = await chat.Bot.SweepAsync();

        Assert.Equal(0, result.Closed);
        Assert.Equal(MemoStatus.Open, (await chat.Bot.QueryAsync(db => db.Memos.SingleAsync())).Status);
    }

    [Fact]
    public async Task Quiet_CoordinatorChangesHours_RemindersMove()
    {
        await using var chat = await CoalitionChat.StartAsync();
        var reply = await chat.Cora.Says("quiet 18:00-09:00 no-weekends");
        Assert.Contains("18:00–09:00, weekends not quiet", reply.Text);
        var refused = await chat.Sam.Says("quiet off");
        Assert.Contains("Only coordinators", refused.Text);

        // 3 h before the deadline is Fri 13:00Z: 14:00 in Zurich, but 07:00 in Mexico City, quiet until 09:00 = 15:00Z.
        await chat.Cora.Says("reminders M-1 3h");
        chat.Bot.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 20, 14, 30, 0, TimeSpan.Zero));
        await chat.Bot.SweepAsync();
        await chat.Bot.DeliverAsync();
        Assert.Single(ReminderCardsOf(chat.Sam));
        Assert.Empty(ReminderCardsOf(chat.Lucia));

        chat.Bot.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 20, 15, 0, 0, TimeSpan.Zero));
        await chat.Bot.SweepAsync();
        await chat.Bot.DeliverAsync();
        Assert.Single(ReminderCardsOf(chat.Lucia));
    }

    [Fact]
    public async Task Digest_CoordinatorChoosesTime_GetsDailySummary()
    {
        await using var chat = await CoalitionChat.StartAsync();
        var reply = await chat.Cora.Says("digest 08:30");
        Assert.Contains("daily digest of each open memo at 08:30", reply.Text);
        chat.Bot.Clock.Advance(TimeSpan.FromMinutes(5));
        await chat.Sam.SignsOn("M-1");
        await chat.Sam.Says("comment M-1 §2 Please name the vetting law.");
        await chat.Bot.DeliverAsync();

        chat.Bot.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 3, 7, 30, 0, TimeSpan.Zero)); // 08:30 in Berlin
        await chat.Bot.SweepAsync();
        await chat.Bot.SweepAsync();
        await chat.Bot.DeliverAsync();

        var digest = Assert.Single(chat.Cora.Inbox, m => m.Summary.Contains("still missing", StringComparison.Ordinal));
        var text = new BotReply(new Replies.MessageReply(digest)).Text;
        Assert.Contains("New sign-ons (1): Global Peace Network", text);
        Assert.Contains("#1 §2 Sam Lee: Please name the vetting law.", text);
        Assert.Contains("Still missing (2): Fundación Derechos Humanos, The Human Rights Advocates", text);
    }

    private static List<Message> ReminderCardsOf(Person person) =>
        person.Inbox.Where(m => m.Blocks.OfType<ButtonsBlock>().Any(b => b.Buttons.Any(x => x.ActionId == ActionIds.Snooze))).ToList();
}
