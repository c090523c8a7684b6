using CoalitionBot.Documents;
namespace CoalitionBot.Core.Domain;

/// <summary>A partner organisation of a coalition.</summary>
public sealed class Organisation
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid CoalitionId { get; set; }

    /// <summary>Canonical name, as the organisation is normally written.</summary>
    public required string Name { get; set; }

    /// <summary>Key for alphabetising: derived from the name unless a coordinator overrode it.</summary>
    public required string SortName { get; set; }

    public bool SortNameOverridden { get; set; }

    public List<string> Aliases { get; set; } = [];

    public string? Category { get; set; }

    public string? Country { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public bool IsKnownAs(string name) =>
        string.Equals(Name, name, StringComparison.OrdinalIgnoreCase)
        || Aliases.Any(a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase));

    public void Rename(string name, string? sortNameOverride = null)
    {
        Name = name.Trim();
        SortNameOverridden = !string.IsNullOrWhiteSpace(sortNameOverride);
        SortName = SortNameOverridden ? sortNameOverride!.Trim() : SortNames.Derive(Name);
    }
}
