using CoalitionBot.Documents.Tests.Some;

namespace CoalitionBot.Documents.Tests.CommentDigests;

public sealed class CommentDigestTests
{
    private static readonly DateTimeOffset T = new(2026, 11, 10, 9, 30, 0, TimeSpan.Zero);

    private static IReadOnlyList<MemoComment> Sample() =>
    [
        new(3, "Ana Núñez", "Ñandutí Derechos Humanos", "Can we say *documented* allegations? See [our report](javascript:x).", [
            new MemoCommentReply("Coordinator", "The Carter Center", "Agreed — will change in v2.", T.AddHours(2)),
        ], false, T),
        new(null, "Omar", "مركز القاهرة لدراسات حقوق الإنسان", "<!channel> please sign by Friday # urgent", [], false, T.AddMinutes(5)),
        new(12, "Jo", "=HYPERLINK(\"http://x\",\"y\")", "1. First point\n- second <script>alert(1)</script>", [], false, T.AddMinutes(9)),
        new(3, "Li Wei", "中国人权捍卫者", "Typo fixed already.", [], true, T.AddMinutes(1)),
        new(99, "Kim", "PAX", "On a paragraph that was removed.", [], false, T.AddMinutes(3)),
    ];

    [Fact]
    public void PlainText_Sample_MatchesGolden() =>
        Golden.AssertMatches("comments.txt", CommentDigest.ToPlainText(MemoDocument.Parse(SampleMemo.Markdown), Sample()));

    [Fact]
    public void Markdown_Sample_MatchesGolden() =>
        Golden.AssertMatches("comments.md", CommentDigest.ToMarkdown(MemoDocument.Parse(SampleMemo.Markdown), Sample()));

    [Fact]
    public void Markdown_UserText_RendersLiterally()
    {
        var markdown = CommentDigest.ToMarkdown(null, Sample());
        var html = Markdig.Markdown.ToHtml(markdown, MemoDocument.Pipeline);

        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<em>documented</em>", html);
        Assert.DoesNotContain("href=\"javascript", html);
        Assert.Contains("*documented*", html);
    }

    [Fact]
    public void PlainText_ResolvedHidden_IsCounted()
    {
        var text = CommentDigest.ToPlainText(null, Sample());

        Assert.Contains("(1 resolved not shown)", text);
        Assert.DoesNotContain("Typo fixed already", text);
    }

    [Fact]
    public void PlainText_IncludeResolved_MarksIt() =>
        Assert.Contains("(resolved): Typo fixed already.", CommentDigest.ToPlainText(null, Sample(), new CommentDigestOptions(IncludeResolved: true)));

    [Fact]
    public void PlainText_GeneralCommentsFirstThenByParagraph()
    {
        var text = CommentDigest.ToPlainText(null, Sample());

        Assert.True(text.IndexOf("On the memo as a whole", StringComparison.Ordinal) < text.IndexOf("§3", StringComparison.Ordinal));
        Assert.True(text.IndexOf("§3", StringComparison.Ordinal) < text.IndexOf("§12", StringComparison.Ordinal));
    }
}
