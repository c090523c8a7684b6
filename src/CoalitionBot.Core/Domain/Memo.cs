namespace CoalitionBot.Core.Domain;

/// <summary>The document being signed, with its life-cycle state and sign-on rules.</summary>
public sealed class Memo
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid CoalitionId { get; set; }

    /// <summary>Per-coalition number: memo 12 is "M-12".</summary>
    public int Number { get; set; }

    public string Code => MemoCode.Format(Number);

    public required string Title { get; set; }

    public required string Addressee { get; set; }

    public MemoStatus Status { get; set; } = MemoStatus.Draft;

    /// <summary>The deadline in UTC; shown in <see cref="TimeZone"/>.</summary>
    public DateTimeOffset? Deadline { get; set; }

    /// <summary>The coordinator's IANA time zone the deadline was given in.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Reminder offsets before the deadline for this memo ("3d 1d 3h"); null uses the coalition's.</summary>
    public string? ReminderOffsets { get; set; }

    public SignOnMode Mode { get; set; } = SignOnMode.Organisations;

    public LatePolicy LatePolicy { get; set; } = LatePolicy.AcceptAndFlag;

    /// <summary>Shown with every copy of the draft.</summary>
    public string? ConfidentialityNotice { get; set; }

    /// <summary>The number of the latest published version (1 after creation).</summary>
    public int CurrentVersion { get; set; }

    public Guid CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>SHA-256 of the compiled list when the memo became Final.</summary>
    public string? FinalListHash { get; set; }

    /// <summary>Whether an answer given now counts as late.</summary>
    /// <summary>Late only because a coordinator closed the memo: its deadline (if any) has not passed.</summary>
    public bool IsClosedBeforeDeadlineAt(DateTimeOffset now) => Status is MemoStatus.Closed && !(Deadline is { } d && now > d);

    public bool IsLateAt(DateTimeOffset now) => Status is MemoStatus.Closed || (Deadline is { } d && now > d);
}
