using CoalitionBot.Storage;
using CoalitionBot.Testing.Support;
using CoalitionBot.Tests.Dashboard;
using CoalitionBot.Tests.SignOnPage;
using CoalitionBot.Tests.Slack;
using CoalitionBot.Tests.Teams;
using CoalitionBot.Tests.WebChannel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CoalitionBot.Tests.Hosting;

/// <summary>
/// Issue #12: control characters never reach storage, whichever channel brings them, and a name with U+202E does
/// not reverse the text after it on the web channel, the dashboard or the sign-on page.
/// </summary>
public sealed class UserTextTests
{
    private const string Dirty = "Evil\u001b[0m\u0007\0\u202E Org\f";

    [Fact]
    public async Task WebChannel_ControlCharactersInNamesAndComments_NeverStored()
    {
        await using var factory = DashboardAccessTests.Demo();
        var cora = new WebClient(factory.CreateClient(), CoalitionBot.WebChannel.DemoCoalition.CoordinatorEmail, "Cora\u001b Coordinator");
        Assert.Contains("queued", (await cora.Says("circulate M-1")).Html, StringComparison.Ordinal);
        var added = await cora.Says("partners add " + Dirty);
        var amira = new WebClient(factory.CreateClient(), SignOnPageHost.Amira, "Amira\u0007 Haddad");
        await amira.Says("comment M-1 Please\u001b[2J name\u0000 the\u202E law.\u0085");

        BidiSamples.AssertContained(added.Html, "Evil[0m Org", shown: "Evil[0m Org");
        await AssertStoredCleanAsync(factory, "Evil[0m Org");
        await using var scope = factory.Services.CreateAsyncScope();
        var comment = await scope.ServiceProvider.GetRequiredService<CoalitionDbContext>().Comments.SingleAsync();
        Assert.Equal("Please[2J name the law.", comment.Text);
    }

    [Fact]
    public async Task Slack_ControlCharactersInAnOrganisation_NeverStored()
    {
        await using var host = await SlackHost.StartAsync(SlackTransport.Http);
        var cora = host.User("Cora Coordinator", "cora@coalition.org");
        await cora.Says("setup Rights\u0007 Before Arms");

        var added = await cora.Says("partners add " + Dirty);

        Assert.DoesNotContain(BidiSamples.Override, added, StringComparison.Ordinal);
        await AssertStoredCleanAsync(host.Factory, "Evil[0m Org");
    }

    [Fact]
    public async Task Teams_ControlCharactersInAnOrganisation_NeverStored()
    {
        await using var host = await TeamsHost.StartAsync();
        var cora = host.User("Cora Coordinator", "cora@coalition.org");
        await cora.Says("setup Rights\u0007 Before Arms");

        var added = TeamsCards.Text(await cora.Says("partners add " + Dirty));

        Assert.DoesNotContain(BidiSamples.Override, added, StringComparison.Ordinal);
        await AssertStoredCleanAsync(host.Factory, "Evil[0m Org");
    }

    [Fact]
    public async Task Dashboard_NameStoredWithOverride_DoesNotReverseWhatFollows()
    {
        await using var factory = DashboardAccessTests.Demo();
        var client = await DashboardClient.SignedInAsync(factory);
        await client.ActAsync("M-1", new() { ["action"] = "circulate" });
        await RenameAsync(factory, "Global Peace Network", BidiSamples.HostileName); // stored before the way in was cleaned

        var (_, board) = await client.GetAsync("/dashboard/memos/M-1");

        BidiSamples.AssertContained(board, "No answer");
    }

    [Fact]
    public async Task SignOnPage_NamesWithOverrideOrRightToLeft_ContainedInTheirField()
    {
        await using var factory = await SignOnPageHost.StartAsync();
        await RenameAsync(factory, "The Human Rights Advocates", BidiSamples.HostileName);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CoalitionDbContext>();
            (await db.Contacts.SingleAsync(c => c.Email == SignOnPageHost.Amira)).Name = "أميرة حداد";
            await db.SaveChangesAsync();
        }

        var page = await new PageClient(factory.CreateClient()).OpenAsync(SignOnPageHost.PathOf(await factory.IssueLinkAsync(SignOnPageHost.Amira)));

        BidiSamples.AssertContained(page.Html, "— not you?");
        Assert.Contains("<bdi>أميرة حداد</bdi>", page.Html, StringComparison.Ordinal);
    }

    private static async Task RenameAsync(BotFactory factory, string from, string to)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoalitionDbContext>();
        (await db.Organisations.SingleAsync(o => o.Name == from)).Name = to;
        await db.SaveChangesAsync();
    }

    private static async Task AssertStoredCleanAsync(BotFactory factory, string organisation)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoalitionDbContext>();
        var stored = (await db.Organisations.Select(o => o.Name).ToListAsync())
            .Concat(await db.Coalitions.Select(c => c.Name).ToListAsync())
            .Concat(await db.Contacts.Select(c => c.Name).ToListAsync())
            .Concat(await db.Comments.Select(c => c.Text).ToListAsync())
            .ToList();

        Assert.Contains(organisation, stored);
        Assert.DoesNotContain(stored, s => s.Any(c => char.IsControl(c) && c != '\n') || s.Contains(BidiSamples.Override, StringComparison.Ordinal));
    }
}
