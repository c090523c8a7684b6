using CoalitionBot.Slack.Rendering;
using CoalitionBot.Testing.Support;
using Xunit;

namespace CoalitionBot.Slack.Tests;

/// <summary>Issue #12: a name with U+202E does not reverse the text after it in mrkdwn or plain_text.</summary>
public sealed class BidiRenderingTests
{
    [Fact]
    public void Render_NameWithOverride_DoesNotReverseWhatFollows()
    {
        var parts = BlockKitRenderer.Render(BidiSamples.Message());

        var rendered = string.Join('\n', parts.Select(p => p.Text + "\n" + BidiSamples.Strings(p.Blocks)));
        BidiSamples.AssertContained(rendered);
    }
}
