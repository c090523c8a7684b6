namespace CoalitionBot.Core.Domain;

/// <summary>A remark on a memo version, optionally anchored to a paragraph (§n), possibly a reply to another comment.</summary>
public sealed class Comment
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid MemoId { get; set; }

    public int VersionNumber { get; set; }

    public int? Paragraph { get; set; }

    public Guid? ParentId { get; set; }

    public required string Text { get; set; }

    public Guid AuthorId { get; set; }

    public DateTimeOffset At { get; set; }

    public bool Resolved { get; set; }

    /// <summary>Per-memo number people use to refer to it ("#3").</summary>
    public int Number { get; set; }
}
