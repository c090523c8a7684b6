using System.Globalization;

namespace CoalitionBot.Documents.Tests.Some;

/// <summary>150 deterministic signatories: accents, leading articles, acronyms, non-Latin scripts and hostile text.</summary>
internal static class SampleSignatories
{
    public const string Version1 = "3b1f0c1d9a7e4f0e8b6a5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f";
    public const string Version2 = "9f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a0";

    public static readonly IReadOnlyList<string> CategoryOrder =
        ["International organisations", "National organisations", "Faith-based organisations", "Local and community organisations"];

    private static readonly DateTimeOffset Start = new(2026, 11, 2, 14, 0, 0, TimeSpan.Zero);

    private static readonly (string Name, string? Category, string Country)[] Named =
    [
        ("Human Rights Watch", "International organisations", "United States"),
        ("Amnesty International USA", "National organisations", "United States"),
        ("The Carter Center", "National organisations", "United States"),
        ("The Center for Victims of Torture", "National organisations", "United States"),
        ("ACLU", "National organisations", "United States"),
        ("Center for Civilians in Conflict (CIVIC)", "International organisations", "United States"),
        ("Ñandutí Derechos Humanos", "Local and community organisations", "Paraguay"),
        ("Nicaragua Nunca Más", "Local and community organisations", "Costa Rica"),
        ("École de la Paix", "Local and community organisations", "France"),
        ("ecole des Droits", "Local and community organisations", "Belgium"),
        ("Égalité Maintenant", "National organisations", "France"),
        ("Øresund Refugee Council", "National organisations", "Denmark"),
        ("Oslo Peace Forum", "National organisations", "Norway"),
        ("Åland Peace Institute", "International organisations", "Finland"),
        ("Zürich Peace Forum", "National organisations", "Switzerland"),
        ("La Strada International", "International organisations", "Netherlands"),
        ("Les Amis de la Terre", "National organisations", "France"),
        ("El Rescate", "Local and community organisations", "El Salvador"),
        ("L'Observatoire des Armements", "National organisations", "France"),
        ("Der Paritätische Gesamtverband", "National organisations", "Germany"),
        ("مركز القاهرة لدراسات حقوق الإنسان", "International organisations", "Tunisia"),
        ("Правозащитный центр «Мемориал»", "International organisations", "Russia"),
        ("中国人权捍卫者", "International organisations", "China"),
        ("=HYPERLINK(\"http://x\",\"y\")", "Local and community organisations", "Unknown"),
        ("<script>alert(1)</script> Foundation", "Local and community organisations", "Unknown"),
        ("<!channel> Action Network", "Local and community organisations", "Unknown"),
        ("+Plus Network", "Local and community organisations", "Unknown"),
        ("-Minus Collective", "Local and community organisations", "Unknown"),
        ("@Handle Organisers", "Local and community organisations", "Unknown"),
        ("Friends Committee on National Legislation", "Faith-based organisations", "United States"),
        ("Win Without War", "National organisations", "United States"),
        ("Oxfam America", "International organisations", "United States"),
        ("Save the Children", "International organisations", "United Kingdom"),
        ("Médecins du Monde", "International organisations", "France"),
        ("Women's Refugee Commission", "National organisations", "United States"),
        ("Physicians for Human Rights", "National organisations", "United States"),
        ("PAX", "International organisations", "Netherlands"),
        ("Humanity & Inclusion", "International organisations", "France"),
        ("Mennonite Central Committee", "Faith-based organisations", "United States"),
        ("Church World Service", "Faith-based organisations", "United States"),
        ("American Friends Service Committee", "Faith-based organisations", "United States"),
        ("T'ruah: The Rabbinic Call for Human Rights", "Faith-based organisations", "United States"),
        ("Muslim Public Affairs Council", "Faith-based organisations", "United States"),
        ("Maryknoll Office for Global Concerns", "Faith-based organisations", "United States"),
        ("Center for Justice & Accountability", "National organisations", "United States"),
        ("Universities Network for Human Rights", "Academic institutions", "United States"),
        ("Institute for Policy Studies", null, "United States"),
        ("*Starred* _Underscored_ [Link](javascript:alert(1)) Group", "Local and community organisations", "Unknown"),
        ("Colectivo de Abogados «José Alvear Restrepo»", "Local and community organisations", "Colombia"),
        ("Łódź Human Rights Initiative", "Local and community organisations", "Poland"),
    ];

    private static readonly string[] Places =
    [
        "Bogotá", "São Paulo", "Kraków", "Malmö", "Düsseldorf", "Nairobi", "Manila", "Tegucigalpa", "Kyiv", "Beirut",
        "Yogyakarta", "Dakar", "Kampala", "Quito", "Tbilisi", "Harare", "Lagos", "Cusco", "Erbil", "Goma", "Mindanao",
        "Chiapas",
    ];

    private static readonly string[] Foci = ["Human Rights", "Peace", "Justice", "Refugee Rights", "Legal Aid"];

    private static readonly string[] Kinds = ["Network", "Centre", "Initiative", "Alliance", "Project", "Collective"];

    private static readonly string[] Countries =
        ["Colombia", "Brazil", "Poland", "Sweden", "Germany", "Kenya", "Philippines", "Honduras", "Ukraine", "Lebanon", "Indonesia",
         "Senegal", "Uganda", "Ecuador", "Georgia", "Zimbabwe", "Nigeria", "Peru", "Iraq", "DR Congo", "Philippines", "Mexico"];

    /// <summary>150 distinct sign-ons plus one duplicate ("human rights watch" signed again later) = 151 inputs.</summary>
    public static IReadOnlyList<Signatory> All()
    {
        var list = new List<Signatory>();
        foreach (var (name, category, country) in Named)
        {
            list.Add(Make(list.Count, name, category, country));
        }

        for (var i = 0; list.Count < 150; i++)
        {
            var place = Places[i % Places.Length];
            var focus = Foci[(i / Places.Length) % Foci.Length];
            var kind = Kinds[(i * 7) % Kinds.Length];
            var category = (i % 3) switch { 0 => "Local and community organisations", 1 => "National organisations", _ => "International organisations" };
            list.Add(Make(list.Count, $"{place} {focus} {kind}", category, Countries[i % Countries.Length]));
        }

        list.Add(Make(150, "human rights watch", "International organisations", "United States"));
        return list;
    }

    public static PartnerListRequest Request(ListInclusion late = ListInclusion.Mark, ListInclusion unconfirmed = ListInclusion.Mark, string culture = "en-GB") =>
        new(SampleMemo.Title, SampleMemo.Addressee, new DateOnly(2026, 12, 1), CategoryOrder, culture, All(), late, unconfirmed);

    private static Signatory Make(int i, string name, string? category, string country) => new(
        name,
        null,
        category,
        country,
        Late: i % 17 == 16,
        NeedsReconfirmation: i % 23 == 22,
        SignatoryName: $"Signer {i.ToString("000", CultureInfo.InvariantCulture)}",
        SignatoryTitle: i % 2 == 0 ? "Executive Director" : "Director of Advocacy",
        SignedAt: Start.AddMinutes(37 * i),
        VersionHash: i % 23 == 22 ? Version1 : Version2);
}
