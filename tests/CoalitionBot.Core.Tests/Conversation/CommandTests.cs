using CoalitionBot.Core.Domain;
using CoalitionBot.Core.Messages;
using CoalitionBot.Core.Replies;
using CoalitionBot.Testing.Conversation;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace CoalitionBot.Core.Tests.Conversation;

public sealed class CommandTests
{
    [Fact]
    public async Task Setup_FirstPerson_BecomesCoordinator_SecondIsTurnedAway()
    {
        await using var bot = await TestBot.StartAsync();
        var cora = bot.Person("Cora", "cora@coalition.org");
        var reply = await cora.Says("setup Rights Before Arms");
        Assert.Contains("\"Rights Before Arms\" is set up and you are its coordinator", reply.Text);

        var other = await bot.Person("Eve", "eve@elsewhere.org").Says("setup Another");
        Assert.Contains("already set up. Ask one of its coordinators", other.Text);
        Assert.Equal(1, await bot.QueryAsync(db => db.Coalitions.CountAsync()));
    }

    [Fact]
    public async Task Help_ListsOnlyWhatThePersonMayUse()
    {
        await using var chat = await CoalitionChat.StartAsync(circulate: false);
        var coordinatorHelp = (await chat.Cora.Says("help")).Text;
        var partnerHelp = (await chat.Amira.Says("help")).Text;
        Assert.Contains("circulate M-3", coordinatorHelp);
        Assert.DoesNotContain("circulate M-3", partnerHelp);
        Assert.Contains("sign M-3", partnerHelp);
        Assert.Contains("Sign on to a memo", (await chat.Amira.Says("help sign")).Text);
    }

    [Fact]
    public async Task Help_BeforeSetup_ListsOnlyWhatAnyoneMayUse()
    {
        await using var bot = await TestBot.StartAsync();
        var help = (await bot.Person("Eve", "eve@elsewhere.org").Says("help")).Text;
        Assert.Contains("setup [coalition name]", help);
        Assert.DoesNotContain("sign M-3 [for <organisation>]", help);
        Assert.Contains("No coalition is set up yet", help);
    }

    [Fact]
    public async Task SignFor_FromAPartner_IsRefusedLikeAnyCoordinatorCommand()
    {
        await using var chat = await CoalitionChat.StartAsync();
        var reply = await chat.Amira.Says("sign M-1 for Global Peace Network");
        Assert.Contains("Only coordinators can record a sign-on for another organisation. Type `coordinators` to see who they are.", reply.Text);
    }

    [Fact]
    public async Task HelpForACommand_ListsItsSubcommands_TheSubcommandItsOwnUsage()
    {
        await using var chat = await CoalitionChat.StartAsync(circulate: false);
        var partners = (await chat.Cora.Says("help partners")).Text;
        Assert.Contains("partners merge <keep> | <duplicate> — ", partners);
        Assert.Contains("partners link <organisation> | <person> | <email> [| non-signer] [| prefers slack|teams|email]\nAdds a contact person", (await chat.Cora.Says("help partners link")).Text);
        Assert.Contains("• coordinators add", (await chat.Cora.Says("help coordinators")).Text);
        Assert.DoesNotContain("• coordinators add", (await chat.Amira.Says("help coordinators")).Text);
        Assert.DoesNotContain("[| alias, alias]", (await chat.Cora.Says("help")).Text);
    }

    [Fact]
    public async Task UnknownCommand_AnswersWithHelp_NotAnError()
    {
        await using var chat = await CoalitionChat.StartAsync(circulate: false);
        var reply = await chat.Amira.Says("sing M-1");
        Assert.Contains("I don't know the command `sing`", reply.Text);
        Assert.Contains("sign M-3", reply.Text);
    }

    [Theory]
    [InlineData("new")]
    [InlineData("publish M-1")]
    [InlineData("circulate M-1")]
    [InlineData("close M-1")]
    [InlineData("reopen M-1")]
    [InlineData("compile M-1")]
    [InlineData("status M-1")]
    [InlineData("partners")]
    [InlineData("partners add Sneaky Org | National")]
    [InlineData("approve M-1 Global Peace Network")]
    [InlineData("resolve M-1 #1")]
    public async Task CoordinatorCommands_FromAPartner_AreRefused(string command)
    {
        await using var chat = await CoalitionChat.StartAsync(circulate: false);
        var reply = await chat.Amira.Says(command);
        Assert.Contains("Only coordinators can use", reply.Text);
        Assert.Equal(0, await chat.Bot.QueryAsync(db => db.Organisations.CountAsync(o => o.Name == "Sneaky Org")));
    }

    [Fact]
    public async Task CoordinatorsAdd_FromAPartner_IsRefused()
    {
        await using var chat = await CoalitionChat.StartAsync(circulate: false);
        Assert.Contains("Only coordinators can use `coordinators add`", (await chat.Amira.Says("coordinators add Amira | amira@hra.org")).Text);
        Assert.Contains("Cora Coordinator", (await chat.Amira.Says("coordinators")).Text);
    }

    [Theory]
    [InlineData("list")]
    [InlineData("sign M-1")]
    [InlineData("decline M-1")]
    [InlineData("comment M-1 hello")]
    public async Task MemberCommands_FromAStranger_AreRefused(string command)
    {
        await using var chat = await CoalitionChat.StartAsync();
        var reply = await chat.Stranger.Says(command);
        Assert.Contains("I don't know you yet", reply.Text);
        Assert.Equal(0, await chat.Bot.QueryAsync(db => db.SignOns.CountAsync()));
    }

    [Fact]
    public async Task Draft_IsInvisibleToPartners_UntilCirculated()
    {
        await using var chat = await CoalitionChat.StartAsync(circulate: false);
        Assert.Contains("not open yet", (await chat.Amira.Says("show M-1")).Text);
        Assert.Contains("no memos open", (await chat.Amira.Says("list")).Text);
        await chat.Cora.Says("circulate M-1");
        var card = await chat.Amira.Says("show M-1");
        Assert.Contains("Memo to the Secretary of State", card.Text);
        Assert.Equal(["Sign on", "Decline", "Comment", "Read full text"], card.Buttons.Select(b => b.Label));
    }

    [Fact]
    public async Task ReadFullText_ShowsTheWholeMemo()
    {
        await using var chat = await CoalitionChat.StartAsync();
        var reply = await chat.Sam.Presses(ActionIds.ReadFullText, "M-1");
        Assert.Contains("strengthen end-use monitoring", reply.Text);
        Assert.Contains("version 1", reply.Text);
    }

    [Theory]
    [InlineData("show M-99", "I can't find memo M-99")]
    [InlineData("show banana", "`banana` is not a memo code")]
    [InlineData("show", "Which memo?")]
    [InlineData("sign M-7", "I can't find memo M-7")]
    public async Task UnknownMemoCodes_AreAnsweredClearly(string command, string expected)
    {
        await using var chat = await CoalitionChat.StartAsync();
        Assert.Contains(expected, (await chat.Amira.Says(command)).Text);
    }

    [Fact]
    public async Task Sign_WithMissingFields_ReturnsFieldErrors_AndStoresNothing()
    {
        await using var chat = await CoalitionChat.StartAsync();
        var form = (await chat.Amira.Presses(ActionIds.Sign, "M-1")).Form!;
        var reply = await chat.Amira.Submits(form, new() { ["display_name"] = "  ", ["signatory_title"] = "", ["attest"] = "false", ["category"] = "Galactic" });
        Assert.IsType<FormErrorsReply>(reply.Reply);
        Assert.Equal(["attest", "category", "display_name", "signatory_title"], reply.Errors.Keys.Order());
        Assert.Equal(0, await chat.Bot.QueryAsync(db => db.SignOns.CountAsync()));
    }

    [Fact]
    public async Task Sign_WithOversizedName_IsRefusedOnTheField()
    {
        await using var chat = await CoalitionChat.StartAsync();
        var form = (await chat.Amira.Presses(ActionIds.Sign, "M-1")).Form!;
        var reply = await chat.Amira.Submits(form, new() { ["display_name"] = new string('x', 201), ["signatory_title"] = "Director", ["attest"] = "true" });
        Assert.Contains("too long: at most 200", reply.Errors["display_name"]);
    }

    [Fact]
    public async Task SecondContact_SigningAgain_UpdatesTheOneSignOn_AndIsAudited()
    {
        await using var chat = await CoalitionChat.StartAsync();
        await chat.Amira.SignsOn("M-1", "Human Rights Advocates");
        await chat.Ben.SignsOn("M-1", "The Human Rights Advocates");
        var rows = await chat.Bot.QueryAsync(db => db.SignOns.ToListAsync());
        var row = Assert.Single(rows);
        Assert.Equal("The Human Rights Advocates", row.DisplayName);
        var audit = await chat.Bot.QueryAsync(db => db.AuditEvents.Where(a => a.Action.StartsWith("signon.")).Select(a => a.Action).ToListAsync());
        Assert.Equal(["signon.signed", "signon.signed.updated"], audit);
    }

    [Fact]
    public async Task Coordinator_CanRecordASignOnOnBehalf_MarkedAsSuch()
    {
        await using var chat = await CoalitionChat.StartAsync();
        var form = (await chat.Cora.Says("sign M-1 for Global Peace Network")).Form!;
        Assert.Contains("on behalf of Global Peace Network", form.Intro);
        await chat.Cora.Submits(form, new() { ["signatory_name"] = "Sam Lee", ["signatory_title"] = "Director", ["attest"] = "true" });
        var row = await chat.Bot.QueryAsync(db => db.SignOns.SingleAsync());
        Assert.True(row.OnBehalf);
        Assert.Equal("Global Peace Network", row.DisplayName);
    }

    [Fact]
    public async Task NonSigner_CannotSign_ButCanComment()
    {
        await using var chat = await CoalitionChat.StartAsync(circulate: false);
        await chat.Cora.Says("partners link Global Peace Network | Sam Lee | sam@gpn.org | non-signer");
        await chat.Cora.Says("circulate M-1");
        Assert.Contains("not listed as an authorised signer", (await chat.Sam.Says("sign M-1")).Text);
        Assert.Contains("comment #1", (await chat.Sam.Says("comment M-1 Looks good")).Text);
    }

    [Fact]
    public async Task Withdraw_RemovesFromTheList_AndDeclineCanBeChangedToSign()
    {
        await using var chat = await CoalitionChat.StartAsync();
        Assert.Contains("nothing to withdraw", (await chat.Sam.Says("withdraw M-1")).Text);
        await chat.Sam.SignsOn("M-1");
        Assert.Contains("is withdrawn", (await chat.Sam.Says("withdraw M-1 board changed its mind")).Text);
        await chat.Lucia.Says("decline M-1");
        await chat.Lucia.SignsOn("M-1");
        var list = (await chat.Cora.Says("compile M-1")).Text;
        Assert.DoesNotContain("Global Peace Network", list);
        Assert.Contains("Fundación Derechos Humanos", list);
        Assert.Contains("Preview", list);
    }

    [Fact]
    public async Task Comments_OnParagraphs_WithRepliesAndResolve()
    {
        await using var chat = await CoalitionChat.StartAsync();
        Assert.Contains("paragraphs §1 to §3", (await chat.Sam.Says("comment M-1 §9 nope")).Text);
        await chat.Sam.Says("comment M-1 §2 Name the law.");
        await chat.Lucia.Says("comment M-1 Overall fine.");
        await chat.Cora.Says("reply M-1 #1 Good point, will do.");
        await chat.Cora.Says("resolve M-1 #1");
        var list = (await chat.Amira.Says("comments M-1")).Text;
        Assert.Contains("1 comment thread (1 resolved not shown)", list);
        Assert.Contains("- Lucía Gómez (Fundación Derechos Humanos, 2026-11-02 14:00): #2 (v1) Overall fine.", list);
        Assert.DoesNotContain("Name the law", list);
        Assert.Contains("`comments M-1 all` shows resolved threads too", list);

        var all = (await chat.Amira.Says("comments M-1 all")).Text;
        Assert.Contains("2 comment threads", all);
        Assert.Contains("\n§2\n  \"First, vet every unit that receives assistance.\"\n", all);
        Assert.Contains("- Sam Lee (Global Peace Network, 2026-11-02 14:00) (resolved): #1 (v1) Name the law.", all);
        Assert.Contains("  - Cora Coordinator (coordinator, 2026-11-02 14:00): #3 Good point, will do.", all);
        Assert.True(all.IndexOf("On the memo as a whole", StringComparison.Ordinal) < all.IndexOf("§2", StringComparison.Ordinal), "general comments come first");

        await chat.Cora.Says("resolve M-1 #1");
        Assert.Contains("2 comment threads\n", (await chat.Amira.Says("comments M-1")).Text);
    }

    [Fact]
    public async Task CommentForm_RefusesAnEmptyComment()
    {
        await using var chat = await CoalitionChat.StartAsync();
        var form = (await chat.Sam.Presses(ActionIds.Comment, "M-1")).Form!;
        Assert.Equal(4, form.Fields[0].Options!.Count); // whole memo + §1..§3
        var reply = await chat.Sam.Submits(form, new() { ["paragraph"] = "2", ["text"] = "" });
        Assert.Contains("text", reply.Errors.Keys);
        var ok = await chat.Sam.Submits(form, new() { ["paragraph"] = "2", ["text"] = "Fine" });
        Assert.Contains("(§2)", ok.Text);
    }

    [Fact]
    public async Task SubstantiveVersion_AsksSignersToReconfirm_MinorCarriesOver()
    {
        await using var chat = await CoalitionChat.StartAsync();
        await chat.Amira.SignsOn("M-1");
        var minor = await chat.Cora.Says("publish M-1 minor\n" + CoalitionChat.MemoText.Replace("urge", "strongly urge"));
        Assert.Contains("1 sign-on carries over", minor.Text);
        Assert.Contains("Changes: §1 changed", minor.Text);
        var substantive = await chat.Cora.Says("publish M-1 substantive\n" + CoalitionChat.MemoText + "\n\n**Third**, consult civil society.");
        Assert.Contains("1 signer is asked to re-confirm", substantive.Text);
        Assert.Contains("Needs re-confirmation: 1", (await chat.Cora.Says("status M-1")).Text);
        Assert.Contains("please re-confirm", (await chat.Amira.Says("show M-1")).Text);
        var compiled = (await chat.Cora.Says("compile M-1")).Text;
        Assert.Contains("not yet re-confirmed (1)", compiled);

        await chat.Amira.SignsOn("M-1");
        Assert.Contains("Needs re-confirmation: 0", (await chat.Cora.Says("status M-1")).Text);
    }

    [Fact]
    public async Task Publish_SameText_IsRefused()
    {
        await using var chat = await CoalitionChat.StartAsync();
        Assert.Contains("the same as version 1", (await chat.Cora.Says("publish M-1 minor\n" + CoalitionChat.MemoText)).Text);
    }

    [Fact]
    public async Task NewMemo_Over200KB_IsRefusedWithAClearMessage()
    {
        await using var chat = await CoalitionChat.StartAsync(circulate: false);
        var huge = string.Join("\n\n", Enumerable.Repeat(new string('a', 1000), 210));
        var reply = await chat.Cora.Says("new Huge | Someone | 2026-12-20 17:00\n" + huge);
        Assert.Contains("the limit is 200 KB", reply.Text);
        var form = (await chat.Cora.Says("new")).Form!;
        var errors = await chat.Cora.Submits(form, new() { ["title"] = "", ["addressee"] = "X", ["deadline"] = "tomorrow", ["text"] = huge });
        Assert.Equal(["deadline", "text", "title"], errors.Errors.Keys.Order());
        Assert.Equal(1, await chat.Bot.QueryAsync(db => db.Memos.CountAsync()));
    }

    [Fact]
    public async Task NewMemo_Form_CreatesADraftWithDeadlineInItsTimeZone()
    {
        await using var chat = await CoalitionChat.StartAsync(circulate: false);
        var form = (await chat.Cora.Says("new")).Form!;
        var reply = await chat.Cora.Submits(form, new()
        {
            ["title"] = "Second memo", ["addressee"] = "The Minister", ["deadline"] = "2026-12-01 17:00",
            ["timezone"] = "America/New_York", ["text"] = "Hello *world*", ["late"] = "Reject",
        });
        Assert.Contains("Draft M-2", reply.Text);
        var memo = await chat.Bot.QueryAsync(db => db.Memos.SingleAsync(m => m.Number == 2));
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 22, 0, 0, TimeSpan.Zero), memo.Deadline);
        Assert.Equal(LatePolicy.Reject, memo.LatePolicy);
    }

    [Fact]
    public async Task LatePolicies_Reject_Flag_AndHoldForApproval()
    {
        await using var chat = await CoalitionChat.StartAsync();
        chat.Bot.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero)); // after the deadline
        var late = await chat.Amira.SignsOn("M-1");
        Assert.Contains("marked late", late.Text);

        await chat.Cora.Says("new Held | X | 2026-11-25 17:00\ntext");
        await chat.Cora.Says("circulate M-2");
        await chat.Bot.QueryAsync(async db => await db.Memos.Where(m => m.Number == 2).ExecuteUpdateAsync(s => s.SetProperty(m => m.LatePolicy, LatePolicy.HoldForApproval)));
        await chat.Cora.Says("close M-2");
        var held = await chat.Sam.SignsOn("M-2");
        Assert.Contains("waits for a coordinator's approval", held.Text);
        Assert.Contains("Late, awaiting approval (1)", (await chat.Cora.Says("compile M-2")).Text);
        await chat.Cora.Says("reopen M-2");
        Assert.Contains("approved", (await chat.Cora.Says("approve M-2 Global Peace Network")).Text);

        await chat.Bot.QueryAsync(async db => await db.Memos.Where(m => m.Number == 2).ExecuteUpdateAsync(s => s.SetProperty(m => m.LatePolicy, LatePolicy.Reject)));
        await chat.Cora.Says("close M-2");
        Assert.Contains("no longer accepts sign-ons", (await chat.Lucia.Says("sign M-2")).Text);
    }

    [Fact]
    public async Task Lifecycle_CloseReopenCompile_AndFinalIsLocked()
    {
        await using (var draft = await CoalitionChat.StartAsync(circulate: false))
        {
            Assert.Contains("not open, so it can't be closed", (await draft.Cora.Says("close M-1")).Text);
        }

        await using var chat = await CoalitionChat.StartAsync();
        await chat.Sam.SignsOn("M-1");
        await chat.Cora.Says("close M-1");
        var preview = await chat.Cora.Says("compile M-1");
        Assert.Contains("M-1 is closed. This is the list as it would be made final: 1 organisation on the list.", preview.Text);
        Assert.Contains("Press Make final, or type `compile M-1 final`.", preview.Text);
        Assert.Null(await chat.Bot.QueryAsync(db => db.Memos.Select(m => m.FinalListHash).SingleAsync()));
        var makeFinal = preview.Buttons.Single(b => b.Label == "Make final");
        Assert.Contains("now final", (await chat.Cora.Presses(makeFinal.ActionId, makeFinal.Value)).Text);
        Assert.Contains("is final", (await chat.Lucia.Says("decline M-1")).Text);
        Assert.Contains("is final; this is the list it was made final with", (await chat.Cora.Says("compile M-1 final")).Text);
        Assert.Contains("open again", (await chat.Cora.Says("reopen M-1")).Text);
        var audit = await chat.Bot.QueryAsync(db => db.AuditEvents.Where(a => a.Action.StartsWith("memo.")).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal(["memo.created", "memo.opened", "memo.closed", "memo.finalised", "memo.reopened"], audit);
    }

    [Fact]
    public async Task IndividualsMode_EachPersonSignsForThemselves()
    {
        await using var chat = await CoalitionChat.StartAsync(circulate: false);
        var form = (await chat.Cora.Says("new")).Form!;
        await chat.Cora.Submits(form, new() { ["title"] = "Open letter", ["addressee"] = "Everyone", ["deadline"] = "2026-12-01 17:00", ["mode"] = "Individuals", ["text"] = "We, the undersigned." });
        await chat.Cora.Says("circulate M-2");
        await chat.Amira.SignsOn("M-2");
        await chat.Ben.SignsOn("M-2");
        Assert.Equal(2, await chat.Bot.QueryAsync(db => db.SignOns.CountAsync()));
        var list = (await chat.Cora.Says("compile M-2")).Text;
        Assert.Contains("- Amira Haddad", list);
        Assert.Contains("- Ben Okafor", list);
    }

    [Fact]
    public async Task DuplicateInbound_IsHandledOnce()
    {
        await using var chat = await CoalitionChat.StartAsync();
        var first = await chat.Sam.Says("comment M-1 once", deliveryId: "evt-1");
        var again = await chat.Sam.Says("comment M-1 once", deliveryId: "evt-1");
        Assert.Contains("comment #1", first.Text);
        Assert.True(again.IsDuplicate);
        Assert.Equal(1, await chat.Bot.QueryAsync(db => db.Comments.CountAsync()));
    }

    [Fact]
    public async Task TwentyConcurrentSignOns_ForOneOrganisation_LeaveExactlyOneRow()
    {
        await using var chat = await CoalitionChat.StartAsync();
        var form = (await chat.Amira.Presses(ActionIds.Sign, "M-1")).Form!;
        var replies = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            (i % 2 == 0 ? chat.Amira : chat.Ben).Submits(form, new() { ["display_name"] = $"HRA {i}", ["signatory_title"] = "Director", ["attest"] = "true" })));
        Assert.All(replies, r => Assert.Contains("has signed M-1", r.Text));
        Assert.Equal(1, await chat.Bot.QueryAsync(db => db.SignOns.CountAsync()));
        Assert.Equal(20, await chat.Bot.QueryAsync(db => db.AuditEvents.CountAsync(a => a.Action.StartsWith("signon."))));
    }

    [Fact]
    public async Task Circulate_AgainOnlyReachesNewContacts_AndNamesUnreachableOnes()
    {
        await using var chat = await CoalitionChat.StartAsync();
        await chat.Bot.DeliverAsync();
        await chat.Cora.Says("partners link Global Peace Network | Quiet Person | quiet@gpn.org");
        await chat.Cora.Says("partners import\norganisation,sort_name,category,country,contact_name,contact_email,slack_id,teams_id\nGlobal Peace Network,,,,No Mail,,,");
        var again = await chat.Cora.Says("circulate M-1");
        Assert.Contains("1 message queued — 1 reached: 1 e-mail", again.Text);
        Assert.Contains("Not reachable (1): No Mail (no e-mail address and no chat identity)", again.Text);
        Assert.Contains("0 messages queued", (await chat.Cora.Says("circulate M-1")).Text);
        await chat.Bot.DeliverAsync();
        Assert.Single(chat.Bot.EmailsTo("quiet@gpn.org"));
        Assert.Single(chat.Amira.Inbox);
    }

    [Fact]
    public async Task PermanentDeliveryFailure_MarksUnreachable_AndTellsCoordinators()
    {
        await using var chat = await CoalitionChat.StartAsync(circulate: false);
        chat.Bot.Channel.FailFor("sam@gpn.org", new Outbox.DeliveryFailed("user blocked the app", RecipientUnreachable: true));
        await chat.Cora.Says("circulate M-1");
        await chat.Bot.DeliverAsync();
        Assert.Contains(chat.Cora.Inbox, m => BotReply.Append(new(), m).Contains("could not deliver a message to Sam Lee about M-1"));
        Assert.True(await chat.Bot.QueryAsync(db => db.Contacts.Where(c => c.Email == "sam@gpn.org").Select(c => c.Unreachable).SingleAsync()));
        Assert.Contains("1 failed: Sam Lee (user blocked the app)", (await chat.Cora.Says("status M-1")).Text);
    }
}
