namespace CoalitionBot.Core.Domain;

/// <summary>One published text of a memo.</summary>
public sealed class MemoVersion
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid MemoId { get; set; }

    public int Number { get; set; }

    public required string Markdown { get; set; }

    public required string ContentHash { get; set; }

    /// <summary>A substantive version asks earlier signers to re-confirm; a non-substantive one carries their sign-ons over.</summary>
    public bool Substantive { get; set; }

    public Guid AuthorId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The short hash shown to people ("v2 · 3f9a1c").</summary>
    public string ShortHash => ContentHash[..Math.Min(8, ContentHash.Length)];
}
