namespace CoalitionBot.Documents;

/// <summary>The paper a Word file is laid out on.</summary>
public enum PaperSize
{
    /// <summary>US Letter where the culture's country uses it, A4 everywhere else.</summary>
    ByCulture,
    A4,
    Letter,
}
