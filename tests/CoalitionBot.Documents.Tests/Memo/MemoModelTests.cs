namespace CoalitionBot.Documents.Tests.Memo;

public sealed class MemoModelTests
{
    // The old in-place sanitiser missed a link or image next to one it had just unwrapped; the model is built link by link.
    private const string MixedLinks =
        "[bad](javascript:alert(1)) and [rel](/x) and <javascript:alert(2)> then ![pixel](https://tracker.example/p.png) and [ok](https://example.org/ok)";

    [Fact]
    public void Parse_MixedSafeAndUnsafeLinks_KeepsOnlyTheSafeOne()
    {
        var memo = MemoDocument.Parse(MixedLinks);

        var links = Links(memo.Blocks).ToList();

        Assert.Equal("https://example.org/ok", Assert.Single(links).Url);
    }

    [Fact]
    public void Html_MixedSafeAndUnsafeLinks_HasNoUnsafeHrefOrImage()
    {
        var html = MemoHtml.Render(MemoDocument.Parse(MixedLinks));

        Assert.DoesNotContain("javascript", html.Replace("javascript:alert(2)", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/x\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Contains("bad and rel and javascript:alert(2) then pixel and <a href=\"https://example.org/ok\">ok</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void PlainText_MixedSafeAndUnsafeLinks_ShowsOnlyTheSafeTarget() =>
        Assert.Equal(
            "bad and rel and javascript:alert(2) then pixel and ok (https://example.org/ok)\n",
            MemoPlainText.Render(MemoDocument.Parse(MixedLinks)));

    [Fact]
    public void Parse_RuleBetweenParagraphs_IsABlockWithoutANumber()
    {
        var memo = MemoDocument.Parse("One.\n\n***\n\nTwo.");

        Assert.Equal(3, memo.Blocks.Count);
        Assert.IsType<MemoRule>(memo.Blocks[1]);
        Assert.Equal([1, 2], memo.Paragraphs.Select(p => p.Number));
        Assert.Same(memo.Blocks[2], memo.Paragraphs[1].Block);
    }

    [Fact]
    public void Parse_UnmatchedBracket_KeepsItsText()
    {
        var memo = MemoDocument.Parse("Uses [x][missing] here.");

        Assert.Equal("Uses [x][missing] here.", memo.Paragraphs[0].PlainText);
        Assert.Equal("Uses [x][missing] here.\n", MemoPlainText.Render(memo));
    }

    [Fact]
    public void Parse_NestedListAndEmphasis_BuildsTheModel()
    {
        var memo = MemoDocument.Parse("3. **Strong** and ~~gone~~\n   - nested");

        var list = Assert.IsType<MemoList>(memo.Blocks.Single());
        Assert.True(list.Ordered);
        Assert.Equal(3, list.Start);
        var item = Assert.Single(list.Items);
        var prose = Assert.IsType<MemoProse>(item.Blocks[0]);
        Assert.Equal(MemoEmphasisStyle.Bold, Assert.IsType<MemoEmphasis>(prose.Inlines[0]).Style);
        Assert.Equal(MemoEmphasisStyle.Strikethrough, Assert.IsType<MemoEmphasis>(prose.Inlines[2]).Style);
        Assert.False(Assert.IsType<MemoList>(item.Blocks[1]).Ordered);
    }

    [Fact]
    public void PlainText_EmptyCodeBlock_DoesNotThrow() =>
        Assert.Equal("Before.\n\n\n", MemoPlainText.Render(MemoDocument.Parse("Before.\n\n```\n```")));

    private static IEnumerable<MemoLink> Links(IEnumerable<MemoBlock> blocks) =>
        blocks.OfType<MemoProse>().SelectMany(p => p.Inlines).OfType<MemoLink>();
}
