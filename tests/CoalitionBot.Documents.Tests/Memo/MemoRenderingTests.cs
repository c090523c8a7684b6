using CoalitionBot.Documents.Tests.Some;

namespace CoalitionBot.Documents.Tests.Memo;

public sealed class MemoRenderingTests
{
    [Fact]
    public void Html_SampleMemo_MatchesGolden() =>
        Golden.AssertMatches("memo.html", MemoHtml.Render(MemoDocument.Parse(SampleMemo.Markdown)));

    [Fact]
    public void PlainText_SampleMemoNumbered_MatchesGolden() =>
        Golden.AssertMatches("memo.numbered.txt", MemoPlainText.Render(MemoDocument.Parse(SampleMemo.Markdown), numbered: true));

    [Fact]
    public void PlainText_SampleMemo_MatchesGolden() =>
        Golden.AssertMatches("memo.txt", MemoPlainText.Render(MemoDocument.Parse(SampleMemo.Markdown)));

    [Fact]
    public void Html_EveryNumberedBlock_HasAnchorAndMarker()
    {
        var memo = MemoDocument.Parse("# Title\n\nFirst.\n\n- a\n- b\n\nLast.");

        var html = MemoHtml.Render(memo);

        for (var n = 1; n <= memo.Paragraphs.Count; n++)
        {
            Assert.Contains($"id=\"p{n}\"", html);
            Assert.Contains($">§{n}</a>", html);
        }

        Assert.Equal(4, memo.Paragraphs.Count);
    }

    [Fact]
    public void Flow_SampleMemo_UsesTheSameParagraphNumbersAsMemoDocument()
    {
        var memo = MemoDocument.Parse(SampleMemo.Markdown + "\n\n[ref]: https://example.org\n\n***\n\nAfter a rule.");

        var numbers = MemoFlow.From(memo).Select(b => b.ParagraphNumber).Distinct().ToList();

        Assert.Equal(Enumerable.Range(1, memo.Paragraphs.Count), numbers);
        Assert.Equal("After a rule.", memo.Paragraphs[^1].PlainText);
        Assert.Contains($"id=\"p{memo.Paragraphs.Count}\"", MemoHtml.Render(memo));
    }

    [Fact]
    public void Html_MarkersOff_HasAnchorsOnly()
    {
        var html = MemoHtml.Render(MemoDocument.Parse("One.\n\nTwo."), new MemoHtmlOptions(ShowParagraphMarkers: false));

        Assert.Contains("id=\"p2\"", html);
        Assert.DoesNotContain("§", html);
    }

    [Theory]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("[click](vbscript:msgbox)")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("[click](/relative/path)")]
    public void Html_UnsafeLink_IsRenderedAsText(string markdown)
    {
        var html = MemoHtml.Render(MemoDocument.Parse(markdown));

        Assert.DoesNotContain("href=\"javascript", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"data", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"vbscript", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"/relative", html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("[a](https://example.org/x)", "href=\"https://example.org/x\"")]
    [InlineData("[a](http://example.org/x)", "href=\"http://example.org/x\"")]
    [InlineData("[a](mailto:me@example.org)", "href=\"mailto:me@example.org\"")]
    [InlineData("<https://example.org>", "href=\"https://example.org\"")]
    public void Html_SafeLink_IsKept(string markdown, string expected) =>
        Assert.Contains(expected, MemoHtml.Render(MemoDocument.Parse(markdown)));

    [Fact]
    public void Html_RawHtml_IsEscaped()
    {
        var html = MemoHtml.Render(MemoDocument.Parse("Hello <script>alert(1)</script> <img src=x onerror=alert(1)>\n\n<div>block</div>"));

        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("<div>block", html);
        Assert.Contains("&lt;script&gt;", html);
    }

    [Fact]
    public void Html_Image_BecomesAltText()
    {
        var html = MemoHtml.Render(MemoDocument.Parse("See ![a chart](https://tracker.example/pixel.png)."));

        Assert.DoesNotContain("<img", html);
        Assert.Contains("a chart", html);
    }

    [Fact]
    public void PlainText_ListsAndLinks_AreReadable()
    {
        var text = MemoPlainText.Render(MemoDocument.Parse("Intro [site](https://example.org).\n\n1. one\n2. two\n   - nested\n\n- bullet"));

        Assert.Equal("Intro site (https://example.org).\n\n1. one\n2. two\n   - nested\n\n- bullet\n", text);
    }
}
