using CoalitionBot.Tests.Dashboard;
using CoalitionBot.WebChannel;
using Xunit;

namespace CoalitionBot.Tests.WebChannel;

/// <summary>
/// Replies mark commands as `inline code`: the web channel and the dashboard show them as &lt;code&gt;, as Slack's
/// mrkdwn does, HTML-encoded, and interpret no other markup.
/// </summary>
public sealed class WebInlineCodeTests
{
    [Theory]
    [InlineData("Type `close M-1` then `compile M-1`.", "Type <code>close M-1</code> then <code>compile M-1</code>.")]
    [InlineData("`<b>x</b>` & *bold* [a](javascript:x)", "<code>&lt;b&gt;x&lt;/b&gt;</code> &amp; *bold* [a](javascript:x)")]
    [InlineData("an unpaired ` stays", "an unpaired ` stays")]
    [InlineData("empty `` pair, `one` and ` last", "empty `` pair, <code>one</code> and ` last")]
    [InlineData("line\n`two`", "line<br><code>two</code>")]
    public void Inline_CodeSpans_BecomeCode_EverythingElseEncoded(string text, string html) =>
        Assert.Equal(html, HtmlRenderer.Inline(text));

    [Fact]
    public async Task ChatReply_WithACommand_ShowsItAsCode_AndUserTextStaysInert()
    {
        await using var factory = DashboardAccessTests.Demo();
        var cora = new WebClient(factory.CreateClient(), DemoCoalition.CoordinatorEmail, "Cora Coordinator");

        await cora.Says("circulate M-1");

        var preview = await cora.Says("compile M-1");
        var tag = await cora.Says("status <img src=x onerror=alert(1)>");
        var bold = await cora.Says("status **now**");

        Assert.Contains("<code>close M-1</code> then <code>compile M-1</code>", preview.Html);
        Assert.DoesNotContain("`close", preview.Html);
        Assert.Contains("<code>&lt;img</code>", tag.Html);
        Assert.DoesNotContain("<img", tag.Html);
        Assert.Contains("<code>**now**</code>", bold.Html);
        Assert.DoesNotContain("<strong>", bold.Html);
    }

    [Fact]
    public async Task DashboardCompilePreview_ShowsCommandsAsCode()
    {
        await using var factory = DashboardAccessTests.Demo();
        var client = await DashboardClient.SignedInAsync(factory);
        await client.ActAsync("M-1", new() { ["action"] = "circulate" });

        var (_, preview) = await client.ActAsync("M-1", new() { ["action"] = "compile" });

        Assert.Contains("Preview: M-1 is still open.", preview);
        Assert.Contains("<code>close M-1</code> then <code>compile M-1</code> for the final list.", preview);
    }
}
