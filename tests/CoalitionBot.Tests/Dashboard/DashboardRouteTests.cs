using CoalitionBot.Tests.WebChannel;
using CoalitionBot.WebChannel;
using Xunit;

namespace CoalitionBot.Tests.Dashboard;

/// <summary>The board names the route each person was actually reached by (the delivery's recorded route), in the words chat uses.</summary>
public sealed class DashboardRouteTests : IDisposable
{
    private readonly string _pickup = Path.Combine(Path.GetTempPath(), "coalitionbot-mail-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Board_ShowsTheRouteEachContactWasReachedBy()
    {
        await using var factory = new BotFactory(new() { ["WebChannel:Demo"] = "true", ["Email:PickupDirectory"] = _pickup });
        var http = factory.CreateClient();
        var cora = new WebClient(http, DemoCoalition.CoordinatorEmail, "Cora Coordinator");
        await cora.Says("partners link Riverside Refugee Aid | Ella Byrne | ella@rra.example.org | prefers email");
        await cora.Says("circulate M-1");
        await factory.DeliverAsync();
        await new WebClient(http, "amira@hra.example.org", "Amira Haddad").Submits("signon", "M-1", new()
        {
            ["display_name"] = "The Human Rights Advocates", ["signatory_name"] = "Amira Haddad", ["signatory_title"] = "Director", ["category"] = "International", ["attest"] = "true",
        });
        var client = await DashboardClient.SignedInAsync(factory);

        var (_, page) = await client.GetAsync("/dashboard/memos/M-1");

        Assert.Contains("· via web channel", page);
        Assert.Contains("Ella Byrne &lt;ella@rra.example.org&gt; — e-mail (preferred); reminders sent: 0", page);
        Assert.Contains("last message: delivered by e-mail (preferred)", page);
        Assert.DoesNotContain("web playground", page);
    }

    public void Dispose()
    {
        if (Directory.Exists(_pickup))
        {
            Directory.Delete(_pickup, recursive: true);
        }
    }
}
