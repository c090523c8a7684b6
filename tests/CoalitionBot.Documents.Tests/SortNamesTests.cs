namespace CoalitionBot.Documents.Tests;

public sealed class SortNamesTests
{
    [Theory]
    [InlineData("The Carter Center", "Carter Center")]
    [InlineData("  the  Carter Center ", "Carter Center")]
    [InlineData("A Better World", "Better World")]
    [InlineData("An Phoblacht Trust", "Phoblacht Trust")]
    [InlineData("Le Monde Solidaire", "Monde Solidaire")]
    [InlineData("La Strada International", "Strada International")]
    [InlineData("Les Amis de la Terre", "Amis de la Terre")]
    [InlineData("L'Observatoire des Armements", "Observatoire des Armements")]
    [InlineData("L’Union", "Union")]
    [InlineData("El Rescate", "Rescate")]
    [InlineData("Los Niños", "Niños")]
    [InlineData("Las Abejas", "Abejas")]
    [InlineData("Die Tafel", "Tafel")]
    [InlineData("Der Paritätische", "Paritätische")]
    [InlineData("Das Netzwerk", "Netzwerk")]
    [InlineData("Theatre for Peace", "Theatre for Peace")]
    [InlineData("Amnesty International", "Amnesty International")]
    [InlineData("Lawyers Without Borders", "Lawyers Without Borders")]
    [InlineData("The", "The")]
    [InlineData("ACLU", "ACLU")]
    public void Derive_DropsOneLeadingArticle(string name, string expected) =>
        Assert.Equal(expected, SortNames.Derive(name));
}
