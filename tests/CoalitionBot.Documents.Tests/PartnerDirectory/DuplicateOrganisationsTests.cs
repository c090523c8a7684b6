namespace CoalitionBot.Documents.Tests.PartnerDirectory;

public sealed class DuplicateOrganisationsTests
{
    private static DuplicatePair? Pair(string a, string b, params string[] aliases) =>
        DuplicateOrganisations.Find([(a, (IReadOnlyList<string>)aliases), (b, [])]).SingleOrDefault();

    [Theory]
    [InlineData("Amnesty International", "amnesty international", "case")]
    [InlineData("Médecins du Monde", "Medecins du Monde", "accents")]
    [InlineData("Øresund Council", "Oresund Council", "accents")]
    [InlineData("Humanity & Inclusion", "Humanity and Inclusion", "\"&\" vs \"and\"")]
    [InlineData("Win Without War.", "Win-Without War", "punctuation")]
    [InlineData("U.S. Campaign for Peace", "US Campaign for Peace", "punctuation")]
    [InlineData("The Carter Center", "Carter Center", "leading article")]
    [InlineData("Les Amis de la Terre", "Amis de la Terre", "leading article")]
    [InlineData("HRW", "Human Rights Watch", "acronym")]
    [InlineData("H.R.W.", "Human Rights Watch", "acronym")]
    [InlineData("CJA", "Center for Justice & Accountability", "acronym")]
    [InlineData("FCNL", "Friends Committee on National Legislation", "acronym")]
    [InlineData("Center for Civilians in Conflict (CIVIC)", "CIVIC", "name of both")]
    public void Find_LikelySameOrganisation_ReturnsPairWithReason(string a, string b, string reason)
    {
        var pair = Pair(a, b);

        Assert.NotNull(pair);
        Assert.Contains(reason, pair.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_Alias_MatchesOtherName()
    {
        var pair = Pair("American Civil Liberties Union", "The ACLU Foundation", "ACLU Foundation");

        Assert.NotNull(pair);
        Assert.Contains("ACLU Foundation", pair.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Human Rights Watch", "Human Rights First")]
    [InlineData("PAX", "Peace Action")]
    [InlineData("Oxfam America", "Oxfam International")]
    [InlineData("HRF", "Human Rights Watch")]
    [InlineData("The Center", "Center for Victims of Torture")]
    public void Find_DifferentOrganisations_NoPair(string a, string b) =>
        Assert.Null(Pair(a, b));

    [Fact]
    public void Find_DirectoryOrganisations_UsesAliases()
    {
        var pairs = DuplicateOrganisations.Find(
        [
            new DirectoryOrganisation("Human Rights Watch", "Human Rights Watch", null, null, [], ["HRW"]),
            new DirectoryOrganisation("HRW", "HRW", null, null, []),
            new DirectoryOrganisation("Peace Direct", "Peace Direct", null, null, []),
        ]);

        Assert.Equal(("Human Rights Watch", "HRW"), (Assert.Single(pairs).First, pairs[0].Second));
    }

    [Fact]
    public void Find_SampleSignatories_FlagsOnlyTheRealDuplicate()
    {
        var pairs = DuplicateOrganisations.Find(Some.SampleSignatories.All().Select(s => (s.DisplayName, (IReadOnlyList<string>)[])));

        Assert.Equal(["Human Rights Watch = human rights watch (names differ only in case)"], pairs.Select(p => $"{p.First} = {p.Second} ({p.Reason})"));
    }
}
