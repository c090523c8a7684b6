using System.Text;
using CoalitionBot.Core.Domain;
using CoalitionBot.Core.Downloads;
using CoalitionBot.Core.Messages;
using CoalitionBot.Testing.Conversation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CoalitionBot.Core.Tests.Conversation;

/// <summary>Defects a real 66-organisation campaign found: who signed as whom, reminders after answers and closing, late marks.</summary>
public sealed class CampaignCorrectnessTests
{
    // CoalitionChat circulates M-1 on Mon 2026-11-02 14:00Z with its deadline Fri 2026-11-20 17:00 Berlin (16:00Z).
    private static readonly DateTimeOffset ThreeDaysBefore = new(2026, 11, 17, 16, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task SignOnForm_SecondContactOfASignedOrganisation_IsPrefilledWithThemselves()
    {
        await using var chat = await CoalitionChat.StartAsync();
        await chat.Amira.SignsOn("M-1", title: "Director of Advocacy");

        var opened = await chat.Ben.Presses(ActionIds.Sign, "M-1");
        var form = opened.Form!;
        Assert.Equal("Ben Okafor", form.Fields.Single(f => f.Id == "signatory_name").Initial);
        Assert.Null(form.Fields.Single(f => f.Id == "signatory_title").Initial);
        Assert.Contains("Amira Haddad signed", form.Intro);
        Assert.Contains("replaces that sign-on with yours", form.Intro);

        await chat.Ben.Submits(form, new() { ["signatory_title"] = "Deputy Director", ["attest"] = "true" });
        var signOn = await chat.Bot.QueryAsync(db => db.SignOns.SingleAsync());
        Assert.Equal(("Ben Okafor", "Deputy Director"), (signOn.SignatoryName, signOn.SignatoryTitle));
    }

    [Fact]
    public async Task SignOnForm_SameSignerAgain_KeepsTheirOwnTitle()
    {
        await using var chat = await CoalitionChat.StartAsync();
        await chat.Amira.SignsOn("M-1", title: "Director of Advocacy");

        var form = (await chat.Amira.Presses(ActionIds.Sign, "M-1")).Form!;
        Assert.Equal("Director of Advocacy", form.Fields.Single(f => f.Id == "signatory_title").Initial);
        Assert.Contains("updates your sign-on", form.Intro);
    }

    [Fact]
    public async Task SignOn_WithAnotherCategory_ListKeepsTheDirectorysAndCoordinatorsAreAsked()
    {
        await using var chat = await CoalitionChat.StartAsync();
        var form = (await chat.Sam.Presses(ActionIds.Sign, "M-1")).Form!;
        await chat.Sam.Submits(form, new() { ["signatory_title"] = "Director", ["attest"] = "true", ["category"] = "National" });
        await chat.Bot.DeliverAsync();

        var request = Assert.Single(chat.Cora.Inbox, m => m.Summary.Contains("Category request"));
        var text = new BotReply(new Replies.MessageReply(request)).Text;
        Assert.Contains("Global Peace Network be listed under \"National\" instead of \"International\"", text);
        Assert.Contains("partners set-category Global Peace Network | National", text);

        await chat.Cora.Says("close M-1");
        var compiled = await chat.Cora.Says("compile M-1");
        Assert.Contains("### International\n\n- Global Peace Network\n", compiled.Text);
        Assert.DoesNotContain("### National", compiled.Text);
    }

    [Fact]
    public async Task Close_ByHand_CancelsQueuedReminders()
    {
        await using var chat = await CoalitionChat.StartAsync();
        await chat.Bot.DeliverAsync();
        chat.Bot.Clock.SetUtcNow(ThreeDaysBefore);
        await chat.Bot.SweepAsync();

        await chat.Cora.Says("close M-1");
        await chat.Bot.DeliverAsync();

        Assert.Empty(ReminderCardsOf(chat.Sam));
        Assert.Empty(ReminderCardsOf(chat.Lucia));
        Assert.Equal(0, await chat.Bot.QueryAsync(db => db.Deliveries.CountAsync(d => d.Purpose == DeliveryPurpose.Reminder && d.State == DeliveryState.Pending)));
    }

    [Theory]
    [InlineData("sign")]
    [InlineData("decline")]
    public async Task Answer_WhileAReminderIsQueued_CancelsItInTheSameStep(string answer)
    {
        await using var chat = await CoalitionChat.StartAsync();
        await chat.Bot.DeliverAsync();
        chat.Bot.Clock.SetUtcNow(ThreeDaysBefore);
        await chat.Bot.SweepAsync();

        if (answer == "sign")
        {
            await chat.Sam.SignsOn("M-1");
        }
        else
        {
            await chat.Sam.Says("decline M-1 Not this time");
        }

        await chat.Bot.DeliverAsync();
        Assert.Empty(ReminderCardsOf(chat.Sam));
        Assert.Single(ReminderCardsOf(chat.Lucia)); // another organisation still silent is still reminded
    }

    [Fact]
    public async Task Reminder_BeingClaimedWhenTheOrganisationAnswers_IsNotSent()
    {
        await using var chat = await CoalitionChat.StartAsync();
        await chat.Bot.DeliverAsync();
        chat.Bot.Clock.SetUtcNow(ThreeDaysBefore);
        await chat.Bot.SweepAsync();

        // A worker holds Sam's reminder (its lease runs) when he signs, so the answer's own cancel cannot take it.
        await chat.Bot.QueryAsync(async db =>
        {
            foreach (var row in await db.Deliveries.Where(d => d.Purpose == DeliveryPurpose.Reminder).ToListAsync())
            {
                row.LeaseUntil = ThreeDaysBefore.AddMinutes(5);
            }

            return await db.SaveChangesAsync();
        });
        await chat.Sam.SignsOn("M-1");
        chat.Bot.Clock.SetUtcNow(ThreeDaysBefore.AddMinutes(6));
        await chat.Bot.DeliverAsync();

        Assert.Empty(ReminderCardsOf(chat.Sam));        // checked again just before sending
        Assert.Single(ReminderCardsOf(chat.Lucia));     // still silent: still reminded
    }

    [Fact]
    public async Task ManyVersionsInARow_EachPartnerGetsTheNoticesInOrder()
    {
        await using var chat = await CoalitionChat.StartAsync();
        await chat.Bot.DeliverAsync();
        for (var v = 2; v <= 9; v++)
        {
            chat.Bot.Clock.Advance(TimeSpan.FromMinutes(1));
            await chat.Cora.Says($"publish M-1 minor\n{CoalitionChat.MemoText}\n\nAnnex {v}.");
        }

        await chat.Bot.DeliverAsync(); // one drain: many messages per person, sent in parallel across people
        foreach (var partner in new[] { chat.Amira, chat.Ben, chat.Sam, chat.Lucia })
        {
            var versions = partner.Delivered.Skip(1).Select(m => BotReply.Append(new StringBuilder(), m))
                .Select(t => t[(t.IndexOf("new version (", StringComparison.Ordinal) + 13)..].Split(')')[0]).ToList();
            Assert.Equal(Enumerable.Range(2, 8).Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)), versions);
        }
    }

    [Fact]
    public async Task SignOn_AfterAManualCloseBeforeTheDeadline_IsMarkedAfterClosing_NotAfterTheDeadline()
    {
        await using var chat = await CoalitionChat.StartAsync();
        await chat.Sam.SignsOn("M-1");
        await chat.Cora.Says("close M-1");

        var late = await chat.Amira.SignsOn("M-1");
        Assert.Contains("after the memo was closed, marked late", late.Text);
        Assert.DoesNotContain("after the deadline", late.Text);

        var compiled = await chat.Cora.Says("compile M-1");
        Assert.Contains("- The Human Rights Advocates ‖\n", compiled.Text);
        Assert.Contains("‖ signed after the memo was closed, before its deadline", compiled.Text);
        Assert.DoesNotContain("† signed after the deadline", compiled.Text);
    }

    [Fact]
    public async Task SignOn_AfterTheDeadline_KeepsTheDeadlineMark()
    {
        await using var chat = await CoalitionChat.StartAsync();
        chat.Bot.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero));

        var late = await chat.Amira.SignsOn("M-1");
        Assert.Contains("after the deadline, marked late", late.Text);
    }

    [Fact]
    public async Task AuditCertificate_NamesWhoDidEachThing_AndHow()
    {
        await using var chat = await CoalitionChat.StartAsync();
        await chat.Amira.SignsOn("M-1");
        await chat.Amira.Says("withdraw M-1 Board asked us to wait");
        await chat.Amira.SignsOn("M-1");
        var onBehalf = (await chat.Cora.Says("sign M-1 for Global Peace Network")).Form!;
        await chat.Cora.Submits(onBehalf, new() { ["signatory_name"] = "Sam Lee", ["signatory_title"] = "Director", ["attest"] = "true" });
        await chat.Cora.Says("close M-1");

        var compiled = await chat.Cora.Says("compile M-1");
        var link = compiled.Buttons.Single(b => b.Label == "Audit certificate (CSV)").Url!;
        var file = await chat.Bot.Services.GetRequiredService<IDownloadFileSource>().FromLinkAsync(link, CancellationToken.None);
        var csv = Encoding.UTF8.GetString(file!.Content);

        var rows = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1).ToList();
        Assert.True(rows.Count == 4, csv);
        Assert.Equal(3, rows.Count(r => r.StartsWith("The Human Rights Advocates,", StringComparison.Ordinal) && r.Contains(",Amira Haddad (web channel)", StringComparison.Ordinal)));
        Assert.Contains(rows, r => r.Contains("Global Peace Network") && r.Contains("Cora Coordinator (web channel)"));
    }

    [Fact]
    public async Task NewMemo_FromADatePicker_TakesThePickedWallClockInTheChosenZone()
    {
        await using var chat = await CoalitionChat.StartAsync(circulate: false);
        var form = (await chat.Cora.Says("new")).Form!;

        // Cora's own zone is Europe/Berlin: the picker showed her 17:00 there, i.e. sent 16:00Z, and she chose New York.
        await chat.Cora.Submits(form, new()
        {
            ["title"] = "Second memo", ["addressee"] = "The Minister", ["deadline"] = "2027-01-20T16:00:00.0000000+00:00",
            ["timezone"] = "America/New_York", ["text"] = "Hello",
        });

        var memo = await chat.Bot.QueryAsync(db => db.Memos.SingleAsync(m => m.Number == 2));
        Assert.Equal(new DateTimeOffset(2027, 1, 20, 22, 0, 0, TimeSpan.Zero), memo.Deadline); // 17:00 New York
    }

    [Fact]
    public async Task Directory_ExportThenImport_RoundTripsAliasesAndSigners_SortedLikeTheList_WarnsOfDuplicates()
    {
        await using var chat = await CoalitionChat.StartAsync(circulate: false);
        var header = string.Join(',', Documents.PartnerDirectoryCsv.Columns);
        var import = await chat.Cora.Says("partners import\n" + header + "\n"
            + "Servicios Jurídicos,,National,Mexico,,Rosa Ruiz,rosa@sj.org,yes,,\n"
            + "Éxodo,,National,Mexico,Exodo Migrante; EM,Eva Paz,eva@exodo.org,no,,\n"
            + "GPN,,International,Switzerland,,Gil Park,gil@gpn.org,,,\n");
        Assert.True(import.Text.Contains("likely duplicate", StringComparison.Ordinal), import.Text);
        Assert.True(import.Text.Contains("Global Peace Network ↔ GPN", StringComparison.Ordinal), import.Text);

        var listing = (await chat.Cora.Says("partners")).Text;
        Assert.True(listing.IndexOf("Éxodo", StringComparison.Ordinal) < listing.IndexOf("Servicios Jurídicos", StringComparison.Ordinal), listing);
        Assert.Contains("Eva Paz <eva@exodo.org>, not a signer", listing);

        var export = await chat.Cora.Says("partners export");
        var file = await chat.Bot.Services.GetRequiredService<IDownloadFileSource>().FromLinkAsync(Assert.Single(export.Buttons).Url!, CancellationToken.None);
        var csv = Encoding.UTF8.GetString(file!.Content);
        Assert.Contains("Éxodo,Éxodo,National,Mexico,Exodo Migrante; EM,Eva Paz,eva@exodo.org,no", csv);
        Assert.True(csv.IndexOf("Éxodo,", StringComparison.Ordinal) < csv.IndexOf("Servicios Jurídicos,", StringComparison.Ordinal));

        // Importing the export again changes nothing a coordinator set.
        await chat.Cora.Says("partners import\n" + csv.TrimStart('\uFEFF'));
        Assert.False(await chat.Bot.QueryAsync(db => db.Contacts.Where(c => c.Email == "eva@exodo.org").Select(c => c.IsAuthorisedSigner).SingleAsync()));
        var exodo = await chat.Bot.QueryAsync(db => db.Organisations.SingleAsync(o => o.Name == "Éxodo"));
        Assert.Equal(["Exodo Migrante", "EM"], exodo.Aliases);
    }

    [Fact]
    public async Task Directory_ImportedNameOverTheLimit_IsRefused_LikePartnersAdd()
    {
        await using var chat = await CoalitionChat.StartAsync(circulate: false);
        var header = "organisation,sort_name,category,country,contact_name,contact_email,slack_id,teams_id";
        var reply = await chat.Cora.Says("partners import\n" + header + "\n" + new string('A', 10_243) + ",,National,Mexico,Rosa,rosa@x.org,,\n");
        Assert.Contains("line 2, organisation: 10,243 characters; at most 200", reply.Text);
        Assert.Contains("at most 200 characters", (await chat.Cora.Says("partners add " + new string('A', 201))).Text);
    }

    private static List<Message> ReminderCardsOf(Person person) =>
        person.Inbox.Where(m => m.Blocks.OfType<ButtonsBlock>().Any(b => b.Buttons.Any(x => x.ActionId == ActionIds.Snooze))).ToList();
}
