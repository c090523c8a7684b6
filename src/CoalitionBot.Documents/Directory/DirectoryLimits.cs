namespace CoalitionBot.Documents;

/// <summary>
/// One set of length limits for every way a name enters the directory (a command, a CSV import, the sign-on form),
/// so a name accepted one way is never refused another way.
/// </summary>
public static class DirectoryLimits
{
    /// <summary>Organisation names, sort names, aliases, display names, people's names and titles.</summary>
    public const int NameMax = 200;

    /// <summary>RFC 5321's limit for an address.</summary>
    public const int EmailMax = 254;

    public const int CountryMax = 100;

    /// <summary>Other names one organisation may go by.</summary>
    public const int AliasesMax = 20;
}
