using CoalitionBot.Teams.Cards;
using Xunit;

namespace CoalitionBot.Teams.Tests;

public sealed class MarkdownToCardTests
{
    [Fact]
    public void ToElements_MixedLinksAndImage_OnlySafeLinkIsLiveAndImageIsItsAltText()
    {
        var element = Assert.Single(MarkdownToCard.ToElements("[bad](javascript:alert(1)) ![chart](https://tracker.example/p.png) [ok](https://example.org/ok)"));

        Assert.Equal("bad chart [ok](https://example.org/ok)", element["text"]!.GetValue<string>());
    }

    [Fact]
    public void ToElements_RuleBetweenParagraphs_MarksTheNextElementAsSeparated()
    {
        var elements = MarkdownToCard.ToElements("One.\n\n---\n\nTwo.");

        Assert.Equal(2, elements.Count);
        Assert.True(elements[1]["separator"]!.GetValue<bool>());
    }
}
