namespace CoalitionBot.Core.Routing;

/// <summary>
/// A request the core refuses for a reason the person can act on ("M-9 does not exist").
/// The message is shown to them as it is; nothing was stored.
/// </summary>
public sealed class RefusalException(string message) : Exception(message);
