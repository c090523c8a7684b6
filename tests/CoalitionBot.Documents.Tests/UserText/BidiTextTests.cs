namespace CoalitionBot.Documents.Tests.UserText;

/// <summary>The one bidi rule (issue #12): unmatched controls never leave their field; right-to-left fields are isolated.</summary>
public sealed class BidiTextTests
{
    private const string Rlo = "\u202E";
    private const string Arabic = "مركز القاهرة";

    [Theory]
    [InlineData("Evil\u202E Org", "Evil Org")]
    [InlineData("a\u202Bb", "ab")]
    [InlineData("a\u2069b\u202C", "ab")]
    [InlineData("\u202Ea\u2066b\u202C\u2069", "a\u2066b\u2069")]
    [InlineData("a\u202Eb\nc\u202C", "ab\nc")]
    [InlineData("a\u2067b\u202Ec\u2069", "a\u2067bc\u2069")]
    public void Balance_UnmatchedControls_AreDropped(string text, string expected) =>
        Assert.Equal(expected, BidiText.Balance(text));

    [Theory]
    [InlineData("a\u202Eb\u202Cc")]
    [InlineData("a\u2067b\u2069c")]
    [InlineData("a\u2068b\u202Dc\u202Cd\u2069")]
    [InlineData("Amnesty International")]
    public void Balance_MatchedOrNone_Unchanged(string text) =>
        Assert.Same(text, BidiText.Balance(text));

    [Fact]
    public void Isolate_RightToLeftOrControls_WrappedInFsiPdiOnce()
    {
        var isolated = BidiText.Isolate(Arabic);

        Assert.Equal("\u2068" + Arabic + "\u2069", isolated);
        Assert.Equal(isolated, BidiText.Isolate(isolated));
        Assert.Equal("\u2068a\u202Eb\u202C\u2069", BidiText.Isolate("a\u202Eb\u202C"));
        Assert.Equal("Amnesty", BidiText.Isolate("Amnesty"));
        Assert.Equal("Evil Org", BidiText.Isolate("Evil" + Rlo + " Org"));
    }

    [Fact]
    public void Html_RightToLeftLine_InBdi_LeftToRightLineUntouched()
    {
        var html = BidiText.Html(Arabic + "\nPAX & co", t => System.Net.WebUtility.HtmlEncode(t), "<br>");

        Assert.Equal("<bdi>" + Arabic + "</bdi><br>PAX &amp; co", html);
    }

    public static TheoryData<string> Renderings() => ["markdown", "plain", "html", "csv", "docx", "comments-plain", "comments-markdown"];

    /// <summary>A name with an unclosed U+202E RIGHT-TO-LEFT OVERRIDE, then more text: nothing after the name may be reversed.</summary>
    [Theory]
    [MemberData(nameof(Renderings))]
    public void Render_NameWithOverride_DoesNotReverseWhatFollows(string rendering)
    {
        var output = Render(rendering, "Evil" + Rlo + " Org");

        Assert.DoesNotContain(Rlo, output, StringComparison.Ordinal);
        Assert.DoesNotContain("&#x202E;", output, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Evil Org", output, StringComparison.Ordinal);
        Assert.Contains("Zeta Alliance", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("markdown", "\u2068" + Arabic + "\u2069")]
    [InlineData("plain", "\u2068" + Arabic + "\u2069")]
    [InlineData("html", "<bdi>\u2068" + Arabic + "\u2069</bdi>")]
    [InlineData("docx", "\u2068" + Arabic + "\u2069")]
    [InlineData("comments-plain", "\u2068" + Arabic + "\u2069")]
    [InlineData("comments-markdown", "\u2068" + Arabic + "\u2069")]
    public void Render_RightToLeftName_IsIsolated(string rendering, string expected) =>
        Assert.Contains(expected, Render(rendering, Arabic), StringComparison.Ordinal);

    [Fact]
    public void Csv_RightToLeftName_NotWrapped_SoTheDirectoryRoundTrips()
    {
        var csv = Render("csv", Arabic);

        Assert.Contains("," + Arabic + ",", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("\u2068", csv, StringComparison.Ordinal);
    }

    private static string Render(string rendering, string name)
    {
        var at = new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
        Signatory S(string n) => new(n, null, "National", null, false, false, "Signer", "Director", at, "hash");
        var list = PartnerListBuilder.Build(new PartnerListRequest("Memo", "Secretary", new DateOnly(2026, 12, 1), ["National"], "en-GB",
            [S(name), S("Zeta Alliance")], ListInclusion.Include, ListInclusion.Include, ShowCountry: false));
        IReadOnlyList<MemoComment> comments =
        [
            new(null, "Omar", name, "Please sign", [], false, at),
            new(null, "Jo", "Zeta Alliance", "Agreed", [], false, at),
        ];
        return rendering switch
        {
            "markdown" => PartnerListExport.ToMarkdown(list),
            "plain" => PartnerListExport.ToPlainText(list),
            "html" => PartnerListExport.ToHtml(list),
            "csv" => PartnerListExport.ToCsv(list),
            "docx" => string.Join('\n', DocxText.Paragraphs(PartnerListExport.ToDocx(list)).Select(p => p.Text)),
            "comments-plain" => CommentDigest.ToPlainText(null, comments),
            _ => CommentDigest.ToMarkdown(null, comments),
        };
    }
}
