namespace CoalitionBot.Documents;

/// <summary>What an audit entry records about an organisation's sign-on.</summary>
public enum AuditAction
{
    Signed,
    Reconfirmed,
    Changed,
    Withdrawn,
    Declined,
}
