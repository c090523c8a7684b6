using CoalitionBot.Documents;
using CoalitionBot.Core.Domain;
using CoalitionBot.Core.Features;
using Xunit;

namespace CoalitionBot.Core.Tests.Domain;

public sealed class RuleTests
{
    [Theory]
    [InlineData("The Human Rights Advocates", "Human Rights Advocates")]
    [InlineData("the rights network", "rights network")]
    [InlineData("Les Amis de la Terre", "Amis de la Terre")]
    [InlineData("L'Association", "Association")]
    [InlineData("Theatre for Peace", "Theatre for Peace")]
    [InlineData("The", "The")]
    [InlineData("  A Better World ", "Better World")]
    public void SortName_Derive_IgnoresALeadingArticle(string name, string expected) =>
        Assert.Equal(expected, SortNames.Derive(name));

    [Fact]
    public void Organisation_Rename_KeepsAnOverride()
    {
        var org = new Organisation { Name = "x", SortName = "x" };
        org.Rename("The Rights Network");
        Assert.Equal("Rights Network", org.SortName);
        org.Rename("The Rights Network", "Network of Rights");
        Assert.Equal("Network of Rights", org.SortName);
        Assert.True(org.SortNameOverridden);
    }

    [Theory]
    [InlineData("M-12", 12)]
    [InlineData("m12", 12)]
    [InlineData("12", 12)]
    [InlineData(" M-3 ", 3)]
    public void MemoCode_Parses(string text, int expected)
    {
        Assert.True(MemoCode.TryParse(text, out var n));
        Assert.Equal(expected, n);
    }

    [Theory]
    [InlineData("M-0")]
    [InlineData("M--1")]
    [InlineData("banana")]
    [InlineData("")]
    [InlineData("M-1x")]
    public void MemoCode_RefusesNonsense(string text) => Assert.False(MemoCode.TryParse(text, out _));

    [Fact]
    public void Memo_IsLate_AfterDeadlineOrWhenClosed()
    {
        var memo = new Memo { Title = "t", Addressee = "a", Status = MemoStatus.Open, Deadline = new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero) };
        Assert.False(memo.IsLateAt(memo.Deadline.Value));
        Assert.True(memo.IsLateAt(memo.Deadline.Value.AddSeconds(1)));
        memo.Status = MemoStatus.Closed;
        Assert.True(memo.IsLateAt(memo.Deadline.Value.AddDays(-3)));
    }

    [Fact]
    public void TimeZones_ToUtc_HandlesTheDaylightSavingGap()
    {
        // 2026-03-29 02:30 does not exist in Berlin (clocks jump from 02:00 to 03:00 CEST = 01:00 UTC).
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero), TimeZones.ToUtc(new DateTime(2026, 3, 29, 2, 30, 0), "Europe/Berlin"));
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 22, 0, 0, TimeSpan.Zero), TimeZones.ToUtc(new DateTime(2026, 12, 1, 17, 0, 0), "America/New_York"));
    }

    [Fact]
    public void Markdown_Escape_MakesNamesLiteral()
    {
        Assert.Equal("\\*Bold\\* \\[x\\]\\(javascript:1\\) \\<b\\> \\#1", Markdown.Escape("*Bold* [x](javascript:1) <b> #1"));
    }

    [Fact]
    public void Excerpt_CutsAtAParagraph()
    {
        var text = string.Join("\n\n", Enumerable.Range(1, 40).Select(i => $"Paragraph {i} " + new string('x', 50)));
        var (excerpt, truncated) = MemoCards.Excerpt(text);
        Assert.True(truncated);
        Assert.True(excerpt.Length <= MemoCards.ExcerptLength);
        Assert.EndsWith(new string('x', 50), excerpt);
        Assert.Equal(("short", false), MemoCards.Excerpt("short"));
    }

    [Fact]
    public void SuggestSubstantive_FromTheSizeOfTheChange()
    {
        var text = "One two three four five six seven eight nine ten eleven twelve.\n\nSecond paragraph stays.";
        Assert.False(AuthoringFeature.SuggestSubstantive(text, text.Replace("twelve", "twelve!")));
        Assert.True(AuthoringFeature.SuggestSubstantive(text, text.Replace("One two three", "Never ever again")));
        Assert.True(AuthoringFeature.SuggestSubstantive(text, text + "\n\nA new paragraph."));
    }

    [Fact]
    public void ChangeSummary_NamesParagraphs()
    {
        Assert.Equal("Changes: §2 changed, §3 added.", AuthoringFeature.ChangeSummary("a\n\nb", "a\n\nB\n\nc"));
        Assert.Equal("Only formatting changed.", AuthoringFeature.ChangeSummary("a", "a"));
    }
}
