using CoalitionBot.Teams.Cards;
using CoalitionBot.Testing.Support;
using Xunit;

namespace CoalitionBot.Teams.Tests;

/// <summary>Issue #12: a name with U+202E does not reverse the text after it in Adaptive Card text.</summary>
public sealed class BidiRenderingTests
{
    [Fact]
    public void RenderMessage_NameWithOverride_DoesNotReverseWhatFollows()
    {
        var cards = new AdaptiveCardRenderer().RenderMessage(BidiSamples.Message());

        BidiSamples.AssertContained(string.Join('\n', cards.Select(BidiSamples.Strings)));
    }
}
