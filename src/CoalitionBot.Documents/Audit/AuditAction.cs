namespace CoalitionBot.Documents;

/// <summary>What an audit entry records about an organisation's sign-on.</summary>
public enum AuditAction
{
    Signed,
    Reconfirmed,
    Changed,
    Withdrawn,
    Declined,

    /// <summary>A duplicate organisation in the directory was merged into this one, with its sign-on.</summary>
    Merged,
}
