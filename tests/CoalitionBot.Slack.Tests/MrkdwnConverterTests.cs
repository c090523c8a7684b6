using CoalitionBot.Slack.Rendering;
using Xunit;

namespace CoalitionBot.Slack.Tests;

public sealed class MrkdwnConverterTests
{
    [Fact]
    public void Convert_MixedLinksAndImage_OnlySafeLinkIsLiveAndImageIsItsAltText()
    {
        var mrkdwn = string.Join("\n", MrkdwnConverter.Convert(
            "[bad](javascript:alert(1)) ![chart](https://tracker.example/p.png \"Title\") <https://example.org/a|b> [ok](https://example.org/ok)"));

        Assert.Equal("bad chart <https://example.org/a%7Cb> <https://example.org/ok|ok>", mrkdwn);
    }

    [Fact]
    public void Convert_RuleAndUnmatchedBracket_KeepTheirText() =>
        Assert.Equal(["One [x][missing].", "──────────", "Two."], MrkdwnConverter.Convert("One [x][missing].\n\n***\n\nTwo."));
}
