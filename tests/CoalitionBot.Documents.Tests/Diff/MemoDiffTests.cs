using CoalitionBot.Documents.Tests.Some;

namespace CoalitionBot.Documents.Tests.Diff;

public sealed class MemoDiffTests
{
    private static MemoComparison Compare(string before, string after) =>
        MemoDiff.Compare(MemoDocument.Parse(before), MemoDocument.Parse(after));

    [Fact]
    public void Compare_SampleRevision_ChatTextMatchesGolden()
    {
        var (before, after) = (MemoDocument.Parse(SampleMemo.Markdown), MemoDocument.Parse(SampleMemo.RevisedMarkdown));

        Golden.AssertMatches("diff.chat.txt", MemoDiff.Compare(before, after).ToChatText(before, after));
    }

    [Fact]
    public void Compare_SampleRevision_HtmlMatchesGolden()
    {
        var (before, after) = (MemoDocument.Parse(SampleMemo.Markdown), MemoDocument.Parse(SampleMemo.RevisedMarkdown));

        Golden.AssertMatches("diff.html", MemoDiff.Compare(before, after).ToHtml(before, after));
    }

    [Fact]
    public void Compare_InsertedParagraph_LaterParagraphsAreUnchangedNotShifted()
    {
        var result = Compare("A one.\n\nB two.\n\nC three.", "A one.\n\nNew text here.\n\nB two.\n\nC three.");

        Assert.Equal("§2 added", result.Summary);
        Assert.Contains(result.Changes, c => c is { Kind: ParagraphChangeKind.Unchanged, OldNumber: 3, NewNumber: 4 });
    }

    [Fact]
    public void Compare_EditedAddedRemoved_SummaryNamesEach()
    {
        var before = "Intro stays.\n\nThe aid must be conditioned on rights.\n\nThis paragraph will go away entirely.\n\nEnd stays.";
        var after = "Intro stays.\n\nThe aid must be strictly conditioned on rights.\n\nEnd stays.\n\nA brand new closing line.";

        var result = Compare(before, after);

        Assert.Equal("§2 changed, §3 removed, §4 added", result.Summary);
        Assert.Equal("The aid must be {+strictly +}conditioned on rights.", result.Changes.Single(c => c.Kind == ParagraphChangeKind.Changed).Words!.ToChatText());
    }

    [Fact]
    public void Compare_SwappedParagraphs_ReportsMove()
    {
        var result = Compare("Alpha para.\n\nBeta para.\n\nGamma para.", "Beta para.\n\nAlpha para.\n\nGamma para.");

        Assert.Single(result.Differences);
        Assert.Equal(ParagraphChangeKind.Moved, result.Differences.Single().Kind);
    }

    [Fact]
    public void Compare_RewrittenParagraph_IsRemovedPlusAddedNotChanged()
    {
        var result = Compare("Keep.\n\nCompletely different words entirely here.\n\nKeep too.", "Keep.\n\nNothing in common with before.\n\nKeep too.");

        Assert.Equal("§2 removed, §2 added", result.Summary);
    }

    [Fact]
    public void Compare_LinkTargetChanged_IsAChange() =>
        Assert.Equal("§1 changed", Compare("See [report](https://a.example).", "See [report](https://b.example).").Summary);

    [Fact]
    public void Compare_Identical_NoChangesNotSubstantive()
    {
        var result = Compare("Same.\n\nText.", "Same.\r\n\r\nText.");

        Assert.Equal("No changes.", result.Summary);
        Assert.False(result.Assessment.Substantive);
    }

    [Fact]
    public void Assessment_TypoFix_IsMinor()
    {
        var result = Compare("We urge the Secretery to act.", "We urge the Secretary to act.");

        Assert.False(result.Assessment.Substantive);
        Assert.Equal(2, result.Assessment.ChangedWords);
    }

    [Fact]
    public void Assessment_FourWordsChanged_IsSubstantive() =>
        Assert.True(Compare("We urge you to act now on aid.", "We urge you to carefully consider acting later on aid.").Assessment.Substantive);

    [Fact]
    public void Assessment_ParagraphAdded_IsSubstantive() =>
        Assert.True(Compare("One.", "One.\n\nTwo.").Assessment.Substantive);

    [Fact]
    public void WordDiff_Html_EscapesUserText()
    {
        var html = WordDiff.Compute("a <b> c", "a <script>alert(1)</script> c").ToHtml();

        Assert.DoesNotContain("<script>", html);
        Assert.Contains("<ins>", html);
        Assert.Contains("<del>", html);
        Assert.Contains("&lt;", html);
    }

    [Fact]
    public void WordDiff_HyphenatedReplacement_IsOneChange() =>
        Assert.Equal("in the [-twenty-four-]{+thirty-six+} months", WordDiff.Compute("in the twenty-four months", "in the thirty-six months").ToChatText());

    [Fact]
    public void WordDiff_ChatTextWithContext_ElidesFarText() =>
        Assert.Equal("… six seven eight [-nine-]{+NINE+} ten eleven twelve …",
            WordDiff.Compute("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen",
                "one two three four five six seven eight NINE ten eleven twelve thirteen fourteen fifteen sixteen").ToChatText(3));

    [Fact]
    public void WordDiff_ChatText_MarksReplacement() =>
        Assert.Equal("sign by [-Friday-]{+Monday+}.", WordDiff.Compute("sign by Friday.", "sign by Monday.").ToChatText());
}
