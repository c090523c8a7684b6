using System.Text;
using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Domain;
using CoalitionBot.Storage;
using CoalitionBot.Tests.Slack;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CoalitionBot.Tests.Reach;

/// <summary>
/// Slack's users.lookupByEmail answering 429 during circulation: the person is not e-mailed instead. The look-up waits for
/// Retry-After (on the shared fake clock), the reach sweep asks Slack again, and the missed circulation goes by Slack DM.
/// </summary>
public sealed class LookupRateLimitTests
{
    [Fact]
    public async Task Circulate_LookupAnswered429_WaitsForRetryAfterThenSendsBySlack_NotByEmail()
    {
        await using var host = await SlackHost.StartAsync(SlackTransport.SocketMode, services: ReachHosts.WithoutBackgroundLookUps);
        var cora = host.User("Cora Coordinator", "cora@coalition.org");
        var emails = Enumerable.Range(1, 4).Select(i => $"person{i}@org{i}.example").ToList();
        var people = emails.Select((e, i) => host.User($"Person {i + 1}", e)).ToList();
        host.Simulator.SetRateLimit("users.lookupByEmail", 2, TimeSpan.FromMinutes(1));
        Assert.Contains("you are its coordinator", await cora.Says("setup Rights Before Arms"));
        var csv = new StringBuilder("organisation,sort_name,category,country,contact_name,contact_email,slack_id,teams_id\n");
        emails.Select((e, i) => $"Organisation {i + 1},,International,,Person {i + 1},{e},,\n").ToList().ForEach(line => csv.Append(line));
        Assert.Contains("4 organisations added", await cora.Says("partners import\n" + csv));
        Assert.Contains("Draft M-1", await cora.Says("new Memo to the Secretary of State | The Secretary of State | 2026-11-20 17:00 | Europe/Berlin\nWe urge you to act."));

        var circulated = await cora.Says("circulate M-1");

        Assert.True(circulated.Contains("2 messages queued — 2 reached: 2 Slack DM", StringComparison.Ordinal), circulated);
        Assert.Contains("Still being looked up (2)", circulated);
        Assert.DoesNotContain("Not reachable", circulated);

        // Before Retry-After has passed the sweep does not knock again.
        var calls = host.Simulator.CountCalls("users.lookupByEmail");
        Assert.Equal(0, await host.Factory.SweepAsync());
        Assert.Equal(calls, host.Simulator.CountCalls("users.lookupByEmail"));
        Assert.Contains("2 still being looked up", SlackBlocks.Text((await cora.SaysRaw("status M-1"))["blocks"]));

        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await host.Factory.SweepAsync();
        await host.DeliverAsync();

        Assert.All(people, p => Assert.Contains("M-1", SlackBlocks.Text(p.LastCard.Blocks)));
        await using (var scope = host.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CoalitionDbContext>();
            Assert.Equal(0, await db.Identities.CountAsync(i => i.Platform == Platform.Email));
            var cards = await db.Deliveries.Where(d => d.Purpose == DeliveryPurpose.Circulation).ToListAsync();
            Assert.Equal(4, cards.Count);
            Assert.All(cards, d => Assert.Equal((Platform.Slack, DeliveryState.Sent), (d.Platform, d.State)));
        }

        var status = SlackBlocks.Text((await cora.SaysRaw("status M-1"))["blocks"]);
        Assert.Contains("Reach: 4 reached: 4 Slack DM of 4 contacts.", status);
        Assert.DoesNotContain("being looked up", status);
        Assert.All(host.Problems(), p => Assert.Equal("users.lookupByEmail: ratelimited", p));
    }
}
