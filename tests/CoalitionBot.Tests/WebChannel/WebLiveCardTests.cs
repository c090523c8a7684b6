using Xunit;

namespace CoalitionBot.Tests.WebChannel;

/// <summary>The web channel's inbox replaces a card in place when it changes: the browser gets the new card as a replacement of the one it shows.</summary>
public sealed class WebLiveCardTests
{
    [Fact]
    public async Task Answer_ThenNewVersion_ReplaceTheCardInTheInbox()
    {
        await using var factory = new BotFactory();
        var http = factory.CreateClient();
        var cora = new WebClient(http, "cora@coalition.org", "Cora Coordinator");
        var amira = new WebClient(http, "amira@hra.org", "Amira Haddad");
        var ben = new WebClient(http, "ben@hra.org", "Ben Okafor");
        foreach (var line in LiveCardScript.Coalition)
        {
            await cora.Says(line);
        }

        await amira.Says("help");
        await ben.Says("help");
        await cora.Says(LiveCardScript.NewMemo);
        await cora.Says("circulate M-1");
        Assert.Equal(2, await factory.DeliverAsync());
        var (card, _, _) = Assert.Single(await ben.InboxAfterAsync(0));

        await amira.Says("decline M-1 Our board has not met");
        Assert.Equal(2, await factory.DeliverAsync());

        // A browser showing Ben's card gets its replacement; one that loads the inbox afresh sees the card as it is now.
        var (_, html, replaces) = Assert.Single(await ben.InboxAfterAsync(card));
        Assert.Equal(card, replaces);
        Assert.Contains("Declined by Amira Haddad", html);
        Assert.Contains("Declined by Amira Haddad", Assert.Single(await ben.InboxAsync()));

        await cora.Says(LiveCardScript.Publish);
        Assert.Equal(4, await factory.DeliverAsync());
        var inbox = await ben.InboxAsync();
        Assert.Equal(2, inbox.Count);
        Assert.Contains("This is version 1; version 2 is current.", inbox[0]);
        Assert.Contains("Open version 2", inbox[0]);
        Assert.DoesNotContain("is current", inbox[1]);
    }
}
