namespace CoalitionBot.Testing.Support;

/// <summary>Thrown when a test's requirement is missing and the environment says it must be present.</summary>
public sealed class RequirementMissingException(string message) : Exception(message);
