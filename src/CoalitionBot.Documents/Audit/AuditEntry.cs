namespace CoalitionBot.Documents;

/// <summary>One audit event about a sign-on, as the certificate needs it.</summary>
/// <param name="Attestation">The attestation text the signer accepted (for Signed and Reconfirmed).</param>
/// <param name="Detail">What changed (for Changed), or the reason given (for Withdrawn/Declined).</param>
/// <param name="Actor">Who did it, when not the signer (e.g. a coordinator correcting a display name).</param>
/// <param name="DisplayName">The name as it should appear on the list (for Signed, Reconfirmed and Changed).</param>
/// <param name="MergedFrom">For Merged: the duplicate organisation that was merged into this one.</param>
/// <param name="Via">How it arrived when not in chat, with the sender's IP address and browser ("e-mail link, IP 203.0.113.7, Firefox …").</param>
public sealed record AuditEntry(
    string Organisation,
    AuditAction Action,
    DateTimeOffset At,
    string? SignatoryName,
    string? SignatoryTitle,
    string? VersionHash,
    string? Attestation,
    string? Detail,
    string? Actor = null,
    string? Via = null,
    string? DisplayName = null,
    string? MergedFrom = null);
