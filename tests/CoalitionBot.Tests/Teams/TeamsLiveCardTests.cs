using CoalitionBot.Core.Messages;
using Xunit;

namespace CoalitionBot.Tests.Teams;

/// <summary>Memo cards in Teams chats are updated where they were posted (PUT activity) when the answer or the version changes; live cards keep their refresh.</summary>
public sealed class TeamsLiveCardTests
{
    [Fact]
    public async Task SignOn_ThenNewVersion_UpdateTheStoredActivities()
    {
        await using var host = await TeamsHost.StartAsync();
        var cora = host.User("Cora Coordinator", "cora@coalition.org");
        var amira = host.User("Amira Haddad", "amira@hra.org");
        var ben = host.User("Ben Okafor", "ben@hra.org");
        foreach (var line in LiveCardScript.Coalition)
        {
            await cora.Says(line);
        }

        await amira.Says("help");
        await ben.Says("help");
        await cora.Says(LiveCardScript.NewMemo);
        await cora.Says("circulate M-1");
        Assert.Equal(2, await host.DeliverAsync());
        var bensCard = ben.Chat.Last(a => a.Card is not null).ActivityId!;

        var dialog = await amira.Presses(amira.LastCard, ActionIds.Sign);
        var form = dialog["task"]!["value"]!["card"]!["content"]!.AsObject();
        await amira.Fills(form, TeamsCycleTests.Fields("The Human Rights Advocates", "Amira Haddad", "Director", "International"), dialog: true);
        Assert.Equal(2, await host.DeliverAsync());

        var updated = ben.Chat.Single(a => a.ActivityId == bensCard).Card!;
        Assert.Contains("Signed by Amira Haddad (Director)", TeamsCards.Text(updated));
        Assert.NotNull(updated["refresh"]); // the universal-action refresh stays on a live card
        Assert.Equal(1, host.Simulator.UpdatesOf(ben.ChatId!, bensCard));

        await cora.Says(LiveCardScript.Publish);
        Assert.Equal(4, await host.DeliverAsync());
        var superseded = ben.Chat.Single(a => a.ActivityId == bensCard).Card!;
        Assert.Contains("This is version 1; version 2 is current.", TeamsCards.Text(superseded));
        Assert.Equal(["Open version 2"], TeamsCards.Actions(superseded).Select(a => a["title"]!.GetValue<string>()));
        Assert.Null(superseded["refresh"]); // a refresh would turn it into the current version's card
    }
}
