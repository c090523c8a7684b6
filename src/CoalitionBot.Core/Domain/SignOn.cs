namespace CoalitionBot.Core.Domain;

/// <summary>
/// An organisation's (or, in individual mode, a person's) answer to a memo. Exactly one per
/// <see cref="SignerKey"/> per memo, enforced by a unique index; answering again updates it.
/// </summary>
public sealed class SignOn
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid MemoId { get; set; }

    /// <summary>"org:{id}" in organisation mode, "contact:{id}" in individual mode.</summary>
    public required string SignerKey { get; set; }

    public Guid? OrganisationId { get; set; }

    public SignOnState State { get; set; }

    /// <summary>The name as it should appear under the memo.</summary>
    public string DisplayName { get; set; } = "";

    public string? SignatoryName { get; set; }

    public string? SignatoryTitle { get; set; }

    public string? Category { get; set; }

    /// <summary>The signer confirmed they are authorised to sign for the organisation.</summary>
    public bool Attested { get; set; }

    public int VersionNumber { get; set; }

    public string VersionHash { get; set; } = "";

    /// <summary>The contact who gave this answer.</summary>
    public Guid ActorId { get; set; }

    /// <summary>A coordinator recorded this answer on the organisation's behalf.</summary>
    public bool OnBehalf { get; set; }

    public DateTimeOffset At { get; set; }

    public bool Late { get; set; }

    /// <summary>When <see cref="Late"/>: late because the memo had been closed by hand before its deadline, not because the deadline passed.</summary>
    public bool LateAfterClosing { get; set; }

    /// <summary>Late under a hold policy: kept off the list until a coordinator approves.</summary>
    public bool AwaitingApproval { get; set; }

    /// <summary>A substantive version was published after this signature.</summary>
    public bool NeedsReconfirmation { get; set; }

    /// <summary>Reason given with a decline or withdrawal.</summary>
    public string? Reason { get; set; }

    public static string KeyForOrganisation(Guid organisationId) => "org:" + organisationId.ToString("N");

    public static string KeyForContact(Guid contactId) => "contact:" + contactId.ToString("N");
}
