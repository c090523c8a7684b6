using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Domain;
using CoalitionBot.Core.Messages;
using CoalitionBot.Storage;
using CoalitionBot.Tests.WebChannel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CoalitionBot.Tests.Teams;

public sealed class MixedPlatformTests
{
    private const string Text = "We urge you to attach human rights conditions.\n\n**First**, vet every unit.";

    [Fact]
    public async Task OneMemo_PartnersOnTeamsAndTheWebChannel_CompiledIntoOneList()
    {
        await using var host = await TeamsHost.StartAsync(webChannel: true);
        var cora = new WebClient(host.Http, "cora@coalition.org", "Cora Coordinator");
        var sam = new WebClient(host.Http, "sam@gpn.org", "Sam Lee");
        var tom = new WebClient(host.Http, "tom@rra.org", "Tom Rivers");
        var amira = host.User("Amira Haddad", "amira@hra.org");
        var lucia = host.User("Lucía Gómez", "lucia@fdh.org", startsInChannel: true);

        Assert.Contains("you are its coordinator", (await cora.Says("setup Rights Before Arms")).Html);
        foreach (var org in new[]
        {
            "The Human Rights Advocates | International | UK", "Global Peace Network | International | CH", "Fundación Derechos Humanos | National | MX",
            "Riverside Refugee Aid | Local | US", "Citizens for Accountability | National | US",
        })
        {
            Assert.Contains("Added", (await cora.Says("partners add " + org)).Html);
        }

        foreach (var link in new[]
        {
            "The Human Rights Advocates | Amira Haddad | amira@hra.org", "Global Peace Network | Sam Lee | sam@gpn.org",
            "Fundación Derechos Humanos | Lucía Gómez | lucia@fdh.org", "Riverside Refugee Aid | Tom Rivers | tom@rra.org",
            "Citizens for Accountability | Dana Park | dana@cfa.org",
        })
        {
            await cora.Says("partners link " + link);
        }

        await amira.Says("help");
        await lucia.Says("help");
        await sam.Says("help");
        await tom.Says("help");

        Assert.Contains("Draft M-1", (await cora.Says("new Memo to the Secretary of State | The Secretary of State | 2026-11-20 17:00 | Europe/Berlin\n" + Text)).Html);
        // Dana never wrote to the bot: she is reached by e-mail (queued; this host has no e-mail channel).
        var circulated = (await cora.Says("circulate M-1")).Html;
        Assert.Contains("5 messages queued", circulated);
        Assert.Contains("1 e-mail", circulated);
        Assert.Equal(5, await host.DeliverAsync());
        Assert.Contains("Sign on", Assert.Single(await sam.InboxAsync()));
        lucia.MovesToPrivateChat();
        Assert.Contains("M-1: Memo to the Secretary of State", TeamsCards.Text(lucia.LastCard));

        // Teams: one signs through the dialog, one through Action.Execute on the card. Web: one signs, one declines.
        var dialog = await amira.Presses(amira.LastCard, ActionIds.Sign);
        var closed = await amira.Fills(dialog["task"]!["value"]!["card"]!["content"]!.AsObject(), TeamsCycleTests.Fields("The Human Rights Advocates", "Amira Haddad", "Director", "International"), dialog: true);
        Assert.Contains("has signed M-1", closed["task"]!["value"]!.GetValue<string>());
        var form = await lucia.Executes(ActionIds.Sign, new() { [TeamsCards.ActionKey] = ActionIds.Sign, ["cb.value"] = "M-1" });
        var receipt = await lucia.Fills(form["value"]!.AsObject(), TeamsCycleTests.Fields("Fundación Derechos Humanos", "Lucía Gómez", "Presidenta", "National"), dialog: false);
        Assert.Contains("has signed M-1", TeamsCards.Text(receipt["value"]!.AsObject()));
        Assert.Contains("has signed M-1", (await sam.Submits(FormIds.SignOn, "M-1", WebFields("Global Peace Network", "Sam Lee", "Coordinator", "International"))).Html);
        Assert.Contains("declines M-1", (await tom.Says("decline M-1 Not this time")).Html);

        var status = (await cora.Says("status M-1")).Html;
        Assert.Contains("<dt>Signed</dt><dd>3</dd>", status);
        Assert.Contains("<dt>Declined</dt><dd>1</dd>", status);
        Assert.Contains("• Citizens for Accountability", status);

        Assert.Contains("is closed", (await cora.Says("close M-1")).Html);
        var compiled = (await cora.Says("compile M-1")).Html;
        var list = Normalise(compiled);
        Assert.Equal(
            "<h1>Memo to the Secretary of State</h1>\n<p>To: The Secretary of State<br />\nDate: 2 November 2026</p>\n<h2>Signatories (3)</h2>\n"
            + "<h3>International</h3>\n<ul>\n<li>Global Peace Network</li>\n<li>The Human Rights Advocates</li>\n</ul>\n"
            + "<h3>National</h3>\n<ul>\n<li>Fundación Derechos Humanos</li>\n</ul>\n",
            list);

        await using var scope = host.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoalitionDbContext>();
        var signers = await db.SignOns.Where(s => s.State == SignOnState.Signed).Select(s => s.ActorId).ToListAsync();
        var platforms = await db.Identities.Where(i => signers.Contains(i.ContactId)).Select(i => i.Platform).Distinct().ToListAsync();
        Assert.Equal([Platform.Web, Platform.Teams, Platform.Email], platforms.Order());
    }

    private static Dictionary<string, string?> WebFields(string displayName, string signatory, string title, string category) => new()
    {
        ["display_name"] = displayName, ["signatory_name"] = signatory, ["signatory_title"] = title, ["category"] = category, ["attest"] = "true",
    };

    /// <summary>The compiled list's HTML without the memo renderer's wrappers, up to where the download links start.</summary>
    private static string Normalise(string html)
    {
        var list = html[html.IndexOf("<h1>", StringComparison.Ordinal)..html.IndexOf("<p>Download links", StringComparison.Ordinal)];
        return System.Text.RegularExpressions.Regex.Replace(list, "</?(div|article)[^>]*>\n?", "");
    }
}
