namespace CoalitionBot.Documents.Tests.UserText;

public sealed class ControlTextTests
{
    [Theory]
    [InlineData("Evil\u001b[31m Org\u0007", false, "Evil[31m Org")]
    [InlineData("a\0b\fc\u0085d\u007f", false, "abcd")]
    [InlineData("line one\r\nline two\rthree\tend", true, "line one\nline two\nthree\tend")]
    [InlineData("line one\r\nline two\tend", false, "line one line two end")]
    public void Strip_ControlCharacters_GoneButAllowedBreaks(string text, bool keepLineBreaks, string expected) =>
        Assert.Equal(expected, ControlText.Strip(text, keepLineBreaks));

    [Fact]
    public void Strip_CleanText_SameInstance()
    {
        var text = "Amnesty International";

        Assert.Same(text, ControlText.Strip(text, keepLineBreaks: false));
    }
}
