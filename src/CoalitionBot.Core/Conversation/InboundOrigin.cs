namespace CoalitionBot.Core.Conversation;

/// <summary>
/// How an inbound item reached us when the audit trail must say so (as an e-signature certificate does): the
/// channel in words ("e-mail link"), the sender's IP address and user agent. Chat adapters leave it out.
/// </summary>
public sealed record InboundOrigin(string Via, string? IpAddress, string? UserAgent);
