namespace CoalitionBot.Documents.Tests.PartnerDirectory;

public sealed class PartnerDirectoryCsvTests
{
    private const string Header = "organisation,sort_name,category,country,contact_name,contact_email,slack_id,teams_id\n";

    private static readonly DirectoryImportOptions Options = new(["International", "National", "Local"]);

    [Fact]
    public void Parse_OrganisationSpanningRows_GroupsContacts()
    {
        var result = PartnerDirectoryCsv.Parse(Header +
            "The Carter Center,,National,United States,Ana Díaz,ana@carter.example,U01ABCDEF,\n" +
            "the carter center,,,,Bo Li,bo@carter.example,,6f1c2b9e-3c1a-4c2b-9d7e-2a1b3c4d5e6f\n" +
            "Ñandutí,,Local,Paraguay,,,,\n", Options);

        Assert.True(result.IsValid, string.Join("; ", result.Issues));
        var carter = result.Organisations[0];
        Assert.Equal(("The Carter Center", "Carter Center", "National"), (carter.Name, carter.SortName, carter.Category));
        Assert.Equal(["Ana Díaz", "Bo Li"], carter.Contacts.Select(c => c.Name));
        Assert.Empty(result.Organisations[1].Contacts);
    }

    [Fact]
    public void Parse_ACoalitionsOwnListOfNamesAndEmails_ImportsWithItsOwnHeadings()
    {
        var result = PartnerDirectoryCsv.Parse("Organization,Name,E-mail\nThe Human Rights Advocates,Amira Haddad,amira@hra.org\nGlobal Peace Network,Sam Lee,sam@gpn.org\n", Options);

        Assert.True(result.IsValid, string.Join("; ", result.Issues));
        Assert.Equal(["The Human Rights Advocates", "Global Peace Network"], result.Organisations.Select(o => o.Name));
        Assert.Equal(("Amira Haddad", "amira@hra.org"), (result.Organisations[0].Contacts[0].Name, result.Organisations[0].Contacts[0].Email));
        Assert.Equal("Human Rights Advocates", result.Organisations[0].SortName);
    }

    [Fact]
    public void Parse_NoOrganisationColumn_SaysWhichHeadingIsMissing()
    {
        var result = PartnerDirectoryCsv.Parse("name,email\nAmira Haddad,amira@hra.org\n", Options);

        Assert.Equal("line 1, organisation: missing column", Assert.Single(result.Issues).ToString());
    }

    [Fact]
    public void Parse_Errors_ReportedWithLineNumbersAndNothingReturned()
    {
        var result = PartnerDirectoryCsv.Parse(Header +
            "Good Org,,National,Kenya,Amina,amina@good.example,,\n" +
            ",,National,Kenya,Nobody,n@x.example,,\n" +
            "Bad Mail,,Local,Peru,Rosa,rosa@@example,,\n" +
            "Odd Category,,Galactic,Mars,Zed,z@odd.example,,\n" +
            "Good Org,,International,Kenya,Juma,juma@good.example,,\n" +
            "No Name,,Local,Chile,,someone@x.example,,\n" +
            "Ids,,Local,Chile,Pat,,slack-user,not-a-guid\n", Options);

        Assert.False(result.IsValid);
        Assert.Empty(result.Organisations);
        Assert.Equal(
        [
            "line 3, organisation: missing organisation name",
            "line 4, contact_email: bad e-mail address \"rosa@@example\"",
            "line 5, category: unknown category \"Galactic\"; allowed: International, National, Local",
            "line 6, category: \"International\" conflicts with \"National\" given for Good Org on line 2",
            "line 7, contact_name: missing contact name",
            "line 8, slack_id: \"slack-user\" is not a Slack user id (like U0123ABCD)",
            "line 8, teams_id: \"not-a-guid\" is not a Teams (Entra) object id, which is a GUID",
        ], result.Issues.Select(i => i.ToString()));
    }

    [Fact]
    public void Parse_QuotedMultilineField_LineNumbersCountPhysicalLines()
    {
        var result = PartnerDirectoryCsv.Parse(Header + "\"Two\nLines\",,Local,X,A,a@x.example,,\n,,Local,X,B,b@x.example,,\n", Options);

        Assert.Equal(4, Assert.Single(result.Issues).Line);
    }

    [Fact]
    public void Parse_OptionalColumnsLeftOut_OrganisationsWithoutContactsImport() =>
        Assert.Empty(PartnerDirectoryCsv.Parse("organisation,category\nX,Local\n").Issues);

    [Fact]
    public void WriteThenParse_RoundTripsIncludingHostileNames()
    {
        DirectoryOrganisation[] organisations =
        [
            new("=HYPERLINK(\"http://x\",\"y\")", "=HYPERLINK", "Local", "Nowhere", [new DirectoryContact("-Dash", "d@x.example", "U0123ABCD", null)]),
            new("Ñandutí, \"quoted\"", "Ñandutí", "National", "Paraguay", []),
        ];

        var csv = PartnerDirectoryCsv.Write(organisations);
        var back = PartnerDirectoryCsv.Parse(csv, Options);

        Assert.Contains("\"'=HYPERLINK(", csv);
        Assert.True(back.IsValid, string.Join("; ", back.Issues));
        Assert.Equal(organisations[0].Name, back.Organisations[0].Name);
        Assert.Equal("-Dash", back.Organisations[0].Contacts[0].Name);
        Assert.Equal(organisations[1].Name, back.Organisations[1].Name);
    }

    [Fact]
    public void WriteThenParse_KeepsAliasesAndTheNonSignerFlag()
    {
        DirectoryOrganisation[] organisations =
        [
            new("Washington Office on Latin America", "Washington Office on Latin America", "National", "United States",
                [new DirectoryContact("Ana Díaz", "ana@wola.example", null, null), new DirectoryContact("Bo Li", "bo@wola.example", null, null, IsSigner: false)],
                ["WOLA", "W.O.L.A."]),
        ];

        var back = PartnerDirectoryCsv.Parse(PartnerDirectoryCsv.Write(organisations), Options);

        Assert.True(back.IsValid, string.Join("; ", back.Issues));
        Assert.Equal(["WOLA", "W.O.L.A."], back.Organisations[0].Aliases);
        Assert.Equal([true, false], back.Organisations[0].Contacts.Select(c => c.IsSigner));
    }

    [Fact]
    public void Parse_TooLongNames_BadSignerFlag_AreRefusedWithTheLimit()
    {
        var result = PartnerDirectoryCsv.Parse(Header.TrimEnd('\n') + ",signer\n"
            + new string('x', 10_243) + ",,Local,Chile,Pat,pat@x.example,,,\n"
            + "Short,,Local,Chile," + new string('p', 201) + ",p@x.example,,,\n"
            + "Fine,,Local,Chile,Ray,ray@x.example,,,maybe\n", Options);

        Assert.False(result.IsValid);
        Assert.Contains("line 2, organisation: 10,243 characters; at most 200", result.Issues.Select(i => i.ToString()));
        Assert.Contains("line 3, contact_name: 201 characters; at most 200", result.Issues.Select(i => i.ToString()));
        Assert.Contains("line 4, signer: \"maybe\" is not yes or no", result.Issues.Select(i => i.ToString()));
    }

    [Fact]
    public void Parse_ControlCharacters_AreDroppedFromNames()
    {
        var result = PartnerDirectoryCsv.Parse(Header + "Bell\u0007 \u001b[31mOrg\u0000,,Local,Chile,Pat\u000c,pat@x.example,,\n", Options);

        Assert.True(result.IsValid, string.Join("; ", result.Issues));
        Assert.Equal("Bell [31mOrg", result.Organisations[0].Name);
        Assert.Equal("Pat", result.Organisations[0].Contacts[0].Name);
    }

    [Fact]
    public void DirectoryOrder_SortsAccentedNamesWithTheirLetter()
    {
        string[] names = ["Servicios Jurídicos", "Éxodo", "Amnistía", "ecología"];
        Assert.Equal(["Amnistía", "ecología", "Éxodo", "Servicios Jurídicos"], names.Order(DirectoryOrder.For("es-ES")));
    }

    [Fact]
    public void Write_Sample_MatchesGolden()
    {
        DirectoryOrganisation[] organisations =
        [
            new("Human Rights Watch", "Human Rights Watch", "International", "United States",
                [new DirectoryContact("Ana Núñez", "ana@hrw.example", "U01ABCDEF", null), new DirectoryContact("Omar", null, null, "6f1c2b9e-3c1a-4c2b-9d7e-2a1b3c4d5e6f")]),
            new("مركز القاهرة لدراسات حقوق الإنسان", "مركز القاهرة", "International", "Tunisia", []),
            new("<!channel> Action Network", "<!channel> Action Network", "Local", "+44", [new DirectoryContact("@here", "x@y.example", null, null)]),
        ];

        Golden.AssertMatches("directory.csv", PartnerDirectoryCsv.Write(organisations));
    }
}
