using CoalitionBot.Testing.Slack;
using Xunit;

namespace CoalitionBot.Tests.Slack;

/// <summary>Reach when distributed: a partner who never wrote to the bot is looked up by e-mail in every installed workspace.</summary>
public sealed class DistributedReachTests
{
    private static readonly SimulatedUser Cora = new("UA0", "Cora Coordinator", "cora@coalition.org");
    private static readonly SimulatedUser Sam = new("UB1", "Sam Lee", "sam@gpn.org");
    private static readonly SimulatedUser Lucia = new("UC1", "Lucia Gomez", "lucia@fdh.org");

    [Fact]
    public async Task Circulate_PartnersInOtherInstalledWorkspaces_AreFoundThereAndDmedWithThatWorkspacesToken()
    {
        await using var host = await SlackHost.StartDistributedAsync(s =>
        {
            s.AddWorkspace("TA", "Coalition HQ", Cora);
            s.AddWorkspace("TB", "Global Peace Network", Sam);
            s.AddWorkspace("TC", "Fundación Derechos Humanos", Lucia);
        });
        foreach (var (team, installer) in new[] { ("TA", Cora), ("TB", Sam), ("TC", Lucia) })
        {
            Assert.Equal(200, (await host.InstallAsync(team, installer.Id)).Status);
        }

        var cora = new SlackUser(host, Cora, "TA");
        Assert.Contains("you are its coordinator", await cora.Says("setup Rights Before Arms"));
        await cora.Says("partners add Global Peace Network");
        await cora.Says("partners add Fundación Derechos Humanos");
        await cora.Says("partners link Global Peace Network | Sam Lee | sam@gpn.org");
        await cora.Says("partners link Fundación Derechos Humanos | Lucia Gomez | lucia@fdh.org");
        await cora.Says("new Memo to the Secretary of State | The Secretary of State | 2026-11-20 17:00 | Europe/Berlin\nWe urge you.");

        var circulated = await cora.Says("circulate M-1");
        Assert.Contains("2 messages queued — 2 reached: 2 Slack DM", circulated);
        await host.DeliverAsync();

        foreach (var (partner, team) in new[] { (new SlackUser(host, Sam, "TB"), "TB"), (new SlackUser(host, Lucia, "TC"), "TC") })
        {
            await partner.ReceivesAsync("Memo to the Secretary of State");
            Assert.Contains(host.Simulator.Calls, c => c.Method == "users.lookupByEmail" && c.TeamId == team && c.Error is null);
            var posted = host.Simulator.Calls.Where(c => c.Method == "chat.postMessage" && c.Error is null
                && ((string?)c.Arguments["channel"] == partner.Id || (string?)c.Arguments["channel"] == partner.Channel)).Select(c => c.TeamId).Distinct();
            Assert.Equal(team, Assert.Single(posted));
        }

        Assert.Empty(host.Problems());
    }
}
