namespace CoalitionBot.Documents.Tests;

public sealed class MarkdownEscapeTests
{
    [Theory]
    [InlineData("*bold* _it_ `code`")]
    [InlineData("[link](javascript:alert(1))")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("# heading")]
    [InlineData("- item")]
    [InlineData("1. item")]
    [InlineData("> quote")]
    [InlineData("a\n# b")]
    [InlineData("&amp; &lt;")]
    [InlineData("~~strike~~")]
    public void Escape_RendersAsTheSameLiteralText(string text)
    {
        var html = Markdig.Markdown.ToHtml(MarkdownEscape.Escape(text), MemoDocument.Pipeline).Trim();
        var plain = Markdig.Markdown.ToPlainText(MarkdownEscape.Escape(text), MemoDocument.Pipeline).Trim();

        Assert.StartsWith("<p>", html);
        Assert.Equal(text.Replace('\n', ' '), plain);
    }

    [Fact]
    public void Escape_MidLineDotsAndHyphens_StayReadable() =>
        Assert.Equal("U.S. Campaign - Peace", MarkdownEscape.Escape("U.S. Campaign - Peace"));
}
