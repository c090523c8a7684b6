namespace CoalitionBot.Documents.Tests.Memo;

public sealed class SafeLinksTests
{
    [Theory]
    [InlineData("https://example.org/x")]
    [InlineData("http://example.org")]
    [InlineData("mailto:me@example.org")]
    [InlineData("  https://example.org/padded  ")]
    [InlineData("HTTPS://EXAMPLE.ORG/upper")]
    public void IsAllowed_HttpHttpsOrMailto_True(string url) => Assert.True(SafeLinks.IsAllowed(url));

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JavaScript:alert(1)")]
    [InlineData("data:text/html;base64,PHNjcmlwdD4=")]
    [InlineData("vbscript:msgbox")]
    [InlineData("file:///etc/passwd")]
    [InlineData("slack://channel?id=C1")]
    [InlineData("/relative/path")]
    [InlineData("//evil.example/x")]
    [InlineData("example.org")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void IsAllowed_AnythingElse_False(string? url) => Assert.False(SafeLinks.IsAllowed(url));

    [Fact]
    public void TryAllow_AllowedUrl_GivesTheParsedAddress()
    {
        Assert.True(SafeLinks.TryAllow("https://example.org/a b", out var address));

        Assert.Equal("https://example.org/a%20b", address.AbsoluteUri);
    }

    [Fact]
    public void TryAllow_UnsafeUrl_GivesNoAddress()
    {
        Assert.False(SafeLinks.TryAllow("javascript:alert(1)", out var address));

        Assert.Null(address);
    }
}
