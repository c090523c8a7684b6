using CoalitionBot.Core.Domain;
using CoalitionBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CoalitionBot.Tests.Slack;

/// <summary>
/// Issue 14, P3: a sign-on modal whose fields are fine is journaled and acked before it is applied; field errors are
/// still answered on the form, a repeat is stored once, and what fails after the ack is told in the DM. The ack does
/// not wait for the handling here (<c>Slack:JournaledFormWait</c> 0), as under a burst.
/// </summary>
public sealed class SlackSignOnAckTests
{
    private static readonly Dictionary<string, string?> AckAtOnce = new() { ["Slack:JournaledFormWait"] = "00:00:00" };

    [Fact]
    public async Task FieldError_StillShownOnTheForm()
    {
        await using var host = await SlackHost.StartAsync(SlackTransport.Http, settings: AckAtOnce);
        var amira = await SignerWithOpenMemoAsync(host);
        var modal = await amira.Presses(amira.LastCard, "Sign on");

        var refused = await amira.Submits(modal, SlackCycleTests.Fields("The Human Rights Advocates", "Amira Haddad", "   ", "International"));

        Assert.Equal("errors", (string?)refused!["response_action"]);
        Assert.Equal(["signatory_title"], refused["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(0, await SignOnsAsync(host));
    }

    [Fact]
    public async Task ValidSubmission_AckedEmpty_ThenStoredOnce_AlsoWhenSlackSendsItAgain()
    {
        await using var host = await SlackHost.StartAsync(SlackTransport.Http, settings: AckAtOnce);
        var amira = await SignerWithOpenMemoAsync(host);
        var modal = await amira.Presses(amira.LastCard, "Sign on");
        var seen = amira.Dm.Count;
        var submission = host.Simulator.ViewSubmission(modal, SlackCycleTests.Fields("The Human Rights Advocates", "Amira Haddad", "Director", "International"), amira.Id);

        Assert.Null(await host.InteractAsync(submission)); // the modal closes at once
        await amira.ReceivesAsync("has signed M-1", seen);
        Assert.Null(await host.InteractAsync((System.Text.Json.Nodes.JsonObject)submission.DeepClone())); // the same delivery again

        Assert.Equal(1, await SignOnsAsync(host));
        Assert.Single(amira.Dm.Skip(seen), m => (m.Text ?? string.Empty).Contains("has signed M-1", StringComparison.Ordinal)
            || SlackBlocks.Text(m.Blocks).Contains("has signed M-1", StringComparison.Ordinal));
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var journal = await scope.ServiceProvider.GetRequiredService<CoalitionDbContext>().InboundJournal.Where(e => e.Key.StartsWith("slack:view:")).ToListAsync();
        Assert.NotNull(Assert.Single(journal).CompletedAt);
    }

    [Fact]
    public async Task StateFailureAfterTheAck_ToldInTheDm_NothingStored()
    {
        await using var host = await SlackHost.StartAsync(SlackTransport.Http, settings: AckAtOnce);
        var amira = await SignerWithOpenMemoAsync(host);
        var modal = await amira.Presses(amira.LastCard, "Sign on");
        var seen = amira.Dm.Count;
        await using (var scope = host.Factory.Services.CreateAsyncScope())
        {
            // The memo's list is compiled while the modal is open: the fields are fine, the memo no longer takes answers.
            var db = scope.ServiceProvider.GetRequiredService<CoalitionDbContext>();
            await db.Memos.ExecuteUpdateAsync(m => m.SetProperty(x => x.Status, MemoStatus.Final));
        }

        Assert.Null(await amira.Submits(modal, SlackCycleTests.Fields("The Human Rights Advocates", "Amira Haddad", "Director", "International")));

        await amira.ReceivesAsync("M-1 is final", seen);
        Assert.Equal(0, await SignOnsAsync(host));
    }

    private static async Task<SlackUser> SignerWithOpenMemoAsync(SlackHost host)
    {
        var cora = host.User("Cora Coordinator", "cora@coalition.org");
        var amira = host.User("Amira Haddad", "amira@hra.org");
        await cora.Says("setup Rights Before Arms");
        await cora.Says("partners add The Human Rights Advocates | International | UK");
        await cora.Says("partners link The Human Rights Advocates | Amira Haddad | amira@hra.org");
        await amira.Says("help");
        Assert.Contains("Draft M-1", await cora.Says("new Memo to the Secretary of State | The Secretary of State | 2026-11-20 17:00 | Europe/Berlin\nWe urge you."));
        await cora.Says("circulate M-1");
        Assert.Equal(1, await host.DeliverAsync());
        return amira;
    }

    private static async Task<int> SignOnsAsync(SlackHost host)
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CoalitionDbContext>().SignOns.CountAsync();
    }
}
