using CoalitionBot.Documents.Tests.Some;

namespace CoalitionBot.Documents.Tests.PartnerLists;

public sealed class PartnerListTests
{
    private static readonly DateTimeOffset T = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    private static Signatory S(string name, string? category = "National", string? sortName = null, bool late = false, bool unconfirmed = false, int minutes = 0) =>
        new(name, sortName, category, null, late, unconfirmed, "Signer", "Director", T.AddMinutes(minutes), "hash");

    private static Documents.PartnerList Build(IReadOnlyList<Signatory> signatories, string culture = "en-GB", IReadOnlyList<string>? order = null,
        ListInclusion late = ListInclusion.Include, ListInclusion unconfirmed = ListInclusion.Include) =>
        PartnerListBuilder.Build(new PartnerListRequest("Memo", "Secretary", new DateOnly(2026, 12, 1), order ?? ["National"], culture, signatories, late, unconfirmed, ShowCountry: false));

    private static List<string> Names(Documents.PartnerList list) => list.Groups.SelectMany(g => g.Entries).Select(e => e.Signatory.DisplayName).ToList();

    [Fact]
    public void Build_SampleSignatories_MarkdownMatchesGolden() =>
        Golden.AssertMatches("partner-list.md", PartnerListExport.ToMarkdown(PartnerListBuilder.Build(SampleSignatories.Request())));

    [Fact]
    public void Build_SampleSignatories_HtmlMatchesGolden() =>
        Golden.AssertMatches("partner-list.html", PartnerListExport.ToHtml(PartnerListBuilder.Build(SampleSignatories.Request())));

    [Fact]
    public void Build_SampleSignatories_PlainTextMatchesGolden() =>
        Golden.AssertMatches("partner-list.txt", PartnerListExport.ToPlainText(PartnerListBuilder.Build(SampleSignatories.Request())));

    [Fact]
    public void ToPlainTextAndHtml_WithoutHeader_StartWithTheSignatories()
    {
        var list = PartnerListBuilder.Build(SampleSignatories.Request());
        var text = PartnerListExport.ToPlainText(list, header: false);
        var html = PartnerListExport.ToHtml(list, header: false);

        Assert.StartsWith($"Signatories ({list.Count})\n", text);
        Assert.EndsWith(PartnerListExport.ToPlainText(list)[PartnerListExport.ToPlainText(list).IndexOf("Signatories (", StringComparison.Ordinal)..], text);
        Assert.DoesNotContain("<h1>", html);
        Assert.DoesNotContain("To: ", html);
        Assert.StartsWith($"<section class=\"partner-list\">\n<h2>Signatories ({list.Count})</h2>", html);
    }

    [Fact]
    public void Build_SampleSignatories_CsvMatchesGolden() =>
        Golden.AssertMatches("partner-list.csv", PartnerListExport.ToCsv(PartnerListBuilder.Build(SampleSignatories.Request())));

    [Fact]
    public void Build_SampleSignatories_HashMatchesGolden() =>
        Golden.AssertMatches("partner-list.sha256.txt", PartnerListBuilder.Build(SampleSignatories.Request()).Hash + "\n");

    [Fact]
    public void Build_SampleSignatories_ListsAllButTheDuplicate()
    {
        var list = PartnerListBuilder.Build(SampleSignatories.Request());

        Assert.Equal(150, list.Count);
        Assert.Equal("human rights watch", Assert.Single(list.DuplicatesRemoved).DisplayName);
    }

    [Fact]
    public void Build_AccentsAndCase_SortAsBaseLetters()
    {
        var list = Build([S("Zeta"), S("école B"), S("Ecole A"), S("ÉCOLE C"), S("Delta")]);

        Assert.Equal(["Delta", "Ecole A", "école B", "ÉCOLE C", "Zeta"], Names(list));
    }

    [Fact]
    public void Build_LeadingThe_SortsUnderNextWord()
    {
        var list = Build([S("The Carter Center"), S("Amnesty"), S("Democracy Now"), S("The Advocates")]);

        Assert.Equal(["The Advocates", "Amnesty", "The Carter Center", "Democracy Now"], Names(list));
    }

    [Fact]
    public void Build_ExplicitSortName_Wins() =>
        Assert.Equal(["B", "A"], Names(Build([S("A", sortName: "Zulu"), S("B", sortName: "Alpha")])));

    [Fact]
    public void Build_Danish_SortsAeOeAaAfterZ()
    {
        var list = Build([S("Øresund"), S("Zealand"), S("Oslo"), S("Åland"), S("Aarhus Nord")], culture: "da-DK");

        Assert.Equal(["Oslo", "Zealand", "Øresund"], Names(list).Where(n => n is "Oslo" or "Zealand" or "Øresund").ToList());
        Assert.True(Names(list).IndexOf("Åland") > Names(list).IndexOf("Zealand"));
    }

    [Fact]
    public void Build_English_SortsOWithStrokeAsO()
    {
        var list = Build([S("Øresund"), S("Zealand"), S("Oslo"), S("Nord")]);

        Assert.Equal(["Nord", "Øresund", "Oslo", "Zealand"], Names(list));
    }

    [Fact]
    public void Build_Spanish_SortsNTildeAfterN()
    {
        var list = Build([S("Ñandutí"), S("Nube"), S("Oro")], culture: "es-ES");

        Assert.Equal(["Nube", "Ñandutí", "Oro"], Names(list));
    }

    [Fact]
    public void Build_CategoryOrder_GivenThenUnknownThenUncategorised()
    {
        var list = Build([S("a", "Zeta unknown"), S("b", null), S("c", "Second"), S("d", "First"), S("e", "Alpha unknown")], order: ["First", "Second"]);

        Assert.Equal(["First", "Second", "Alpha unknown", "Zeta unknown", null], list.Groups.Select(g => g.Category).ToList());
        Assert.Equal("Other organisations", list.HeadingOf(list.Groups[^1]));
    }

    [Fact]
    public void Build_DuplicateDifferingInCaseAndAccents_KeepsEarliest()
    {
        var list = Build([S("Médecins du Monde", minutes: 5), S("medecins du monde", minutes: 1), S("MÉDECINS DU MONDE", minutes: 9)]);

        Assert.Equal(["medecins du monde"], Names(list));
        Assert.Equal(2, list.DuplicatesRemoved.Count);
    }

    [Fact]
    public void Build_LatePolicy_IncludeMarkExclude()
    {
        Signatory[] signatories = [S("On time"), S("Late one", late: true)];

        Assert.Equal(2, Build(signatories, late: ListInclusion.Include).Count);
        Assert.False(Build(signatories, late: ListInclusion.Include).HasLateMarks);
        Assert.True(Build(signatories, late: ListInclusion.Mark).Groups[0].Entries.Single(e => e.Signatory.Late).MarkedLate);
        Assert.Equal(["On time"], Names(Build(signatories, late: ListInclusion.Exclude)));
        Assert.Single(Build(signatories, late: ListInclusion.Exclude).Excluded);
    }

    [Fact]
    public void Build_UnconfirmedPolicy_Mark_ShowsLegend()
    {
        var list = Build([S("Fine"), S("Old version", unconfirmed: true)], unconfirmed: ListInclusion.Mark);

        Assert.Contains("- Old version ‡", PartnerListExport.ToMarkdown(list));
        Assert.Contains("‡ signed an earlier version", PartnerListExport.ToMarkdown(list));
    }

    [Fact]
    public void Build_UnknownCulture_ThrowsReadableError() =>
        Assert.Contains("not a known culture", Assert.Throws<ArgumentException>(() => Build([S("A")], culture: "xx-Nowhere")).Message);

    [Fact]
    public void Hash_ChangesWhenListChangesAndIsStableOtherwise()
    {
        var a = Build([S("One"), S("Two")]);
        var b = Build([S("Two", minutes: 3), S("One", minutes: 7)]);
        var c = Build([S("One"), S("Two"), S("Three")]);

        Assert.Equal(a.Hash, b.Hash);
        Assert.NotEqual(a.Hash, c.Hash);
        Assert.Matches("^[0-9a-f]{64}$", a.Hash);
    }

    [Fact]
    public void Markdown_HostileNames_AreEscaped()
    {
        var markdown = PartnerListExport.ToMarkdown(Build([S("<script>alert(1)</script>"), S("*Star* [x](javascript:y)"), S("# Heading")]));
        var html = Markdig.Markdown.ToHtml(markdown, MemoDocument.Pipeline);

        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<em>", html);
        Assert.DoesNotContain("href=", html);
        Assert.DoesNotContain("<h1>Heading", html);
    }

    [Fact]
    public void Html_HostileNames_AreEscaped()
    {
        var html = PartnerListExport.ToHtml(Build([S("<script>alert(1)</script>"), S("\"><img src=x onerror=alert(1)>")]));

        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<img", html);
        Assert.Contains("&lt;script&gt;", html);
    }
}
