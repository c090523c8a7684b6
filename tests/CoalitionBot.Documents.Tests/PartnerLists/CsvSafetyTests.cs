namespace CoalitionBot.Documents.Tests.PartnerLists;

public sealed class CsvSafetyTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")")]
    [InlineData("+1 555", "'+1 555")]
    [InlineData("-Minus", "'-Minus")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tTabbed", "'\tTabbed")]
    [InlineData("\rReturn", "'\rReturn")]
    [InlineData("Plain", "Plain")]
    [InlineData("Mid=dle", "Mid=dle")]
    [InlineData("", "")]
    public void Neutralise_DangerousFirstCharacter_IsPrefixed(string cell, string expected) =>
        Assert.Equal(expected, CsvSafety.Neutralise(cell));

    [Theory]
    [InlineData("=1+1")]
    [InlineData("'quoted on purpose")]
    [InlineData("Plain")]
    public void Restore_UndoesNeutralise(string cell) =>
        Assert.Equal(cell, CsvSafety.Restore(CsvSafety.Neutralise(cell)));

    [Fact]
    public void PartnerListCsv_HostileName_IsNeutralisedAndQuoted()
    {
        var list = PartnerListBuilder.Build(new PartnerListRequest("M", "A", new DateOnly(2026, 1, 1), [], "en-GB",
            [new Signatory("=HYPERLINK(\"http://x\",\"y\")", null, null, "-1", false, false, "@me", "+boss", DateTimeOffset.UnixEpoch, "h")]));

        var csv = PartnerListExport.ToCsv(list);
        var row = csv.Split("\r\n")[1];

        Assert.StartsWith(",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",", row);
        Assert.Contains(",'-1,", row);
        Assert.Contains(",'@me,'+boss,", row);
    }
}
