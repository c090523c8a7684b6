using CoalitionBot.Core.Messages;
using CoalitionBot.Email.Rendering;
using CoalitionBot.Email.Tests.Support;
using Xunit;

namespace CoalitionBot.Email.Tests.Rendering;

/// <summary>The neutral message as an e-mail: both parts say the same, user text cannot become markup.</summary>
public sealed class EmailRendererTests
{
    private const string Footer = "To stop these e-mails, write to memos@coalition.example.org.";

    [Fact]
    public void Render_HostileNames_AreEscapedInTheHtmlPart()
    {
        var hostile = "<script>alert('x')</script> & \"Partners\"";
        var message = new Message("M-1: <b>Memo</b>\r\nBcc: victim@example.org",
        [
            new TextBlock(hostile),
            new FieldsBlock([new Field("<i>Label</i>", hostile)]),
            new ButtonsBlock([new Button("<img src=x onerror=alert(1)>", "memo.open", "M-1", Url: Some.Link)]),
        ]);

        var email = EmailRenderer.Render(message, Footer);

        Assert.DoesNotContain("<script", email.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", email.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<i>", email.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", email.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", email.Html, StringComparison.Ordinal);
        Assert.Contains("&amp;", email.Html, StringComparison.Ordinal);
        Assert.Equal("M-1: <b>Memo</b>  Bcc: victim@example.org", email.Subject);
        Assert.Contains(hostile, email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_MemoWithRawHtmlAndScriptLinks_ComesOutSanitised()
    {
        var markdown = "Dear Secretary <img src=\"https://tracker.example/p.gif\"> <script>x()</script>\n\n[click](javascript:alert(1)) and [site](https://hra.example.org)\n\n![logo](https://cdn.example/logo.png)";

        var email = EmailRenderer.Render(Some.MemoMessage(markdown: markdown), Footer);

        Assert.DoesNotContain("<img", email.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", email.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", email.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=\"", email.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("href=\"https://hra.example.org\"", email.Html, StringComparison.Ordinal);
        Assert.Contains("site (https://hra.example.org)", email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Buttons_OnlyLinksAppear_AsClearLinksInBothParts()
    {
        var email = EmailRenderer.Render(Some.MemoMessage(), Footer);

        Assert.Contains($"<a href=\"{Some.Link}\" target=\"_blank\" rel=\"noopener\"", email.Html, StringComparison.Ordinal);
        Assert.Contains(">Open the memo and answer</a>", email.Html, StringComparison.Ordinal);
        Assert.Contains(">" + Some.Link + "</a>", email.Html, StringComparison.Ordinal);
        Assert.Contains("Open the memo and answer: " + Some.Link, email.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Sign on", email.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Sign on", email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_UnsafeButtonUrl_IsLeftOut()
    {
        var message = new Message("M-1", [new ButtonsBlock([new Button("Open", "memo.open", "M-1", Url: "javascript:alert(1)")])]);

        var email = EmailRenderer.Render(message, Footer);

        Assert.DoesNotContain("javascript", email.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript", email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_MemoExcerpt_ShowsParagraphNumbersTheNoticeAndTheExcerptNote()
    {
        var email = EmailRenderer.Render(Some.MemoMessage(truncated: true), Footer);

        Assert.Contains("§1 We urge you to act.", email.Text, StringComparison.Ordinal);
        Assert.Contains("§2 Second paragraph.", email.Text, StringComparison.Ordinal);
        Assert.Contains("id=\"p2\"", email.Html, StringComparison.Ordinal);
        Assert.Contains("the link below opens the full text", email.Html, StringComparison.Ordinal);
        Assert.Contains("the link below opens the full text", email.Text, StringComparison.Ordinal);
        Assert.Contains("role=\"note\"", email.Html, StringComparison.Ordinal);
        Assert.Contains("Draft for coalition members only.", email.Html, StringComparison.Ordinal);
        Assert.Contains("Confidential: Draft for coalition members only.", email.Text, StringComparison.Ordinal);
        Assert.Contains("Deadline: Fri 20 Nov 17:00 (Europe/London)", email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Html_IsOneDocumentWithInlineStylesAndNoRemoteResources()
    {
        var email = EmailRenderer.Render(Some.MemoMessage(), Footer);

        Assert.StartsWith("<!DOCTYPE html>", email.Html, StringComparison.Ordinal);
        Assert.Contains("<title>M-1: Memo to the Secretary of State</title>", email.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<style", email.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<link", email.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", email.Html, StringComparison.Ordinal);
        Assert.Contains(Footer, email.Html, StringComparison.Ordinal);
        Assert.EndsWith("-- \n" + Footer + "\n", email.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "A message from your coalition")]
    [InlineData("  M-2: Letter\n", "M-2: Letter")]
    public void Subject_FromSummary_IsOneTrimmedLine(string summary, string expected) =>
        Assert.Equal(expected, EmailRenderer.Subject(summary));
}
