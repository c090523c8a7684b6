using System.Text.Json.Nodes;

namespace CoalitionBot.Testing.Slack;

/// <summary>One Web API call the bot made, with what the simulator answered and the workspace whose token made it.</summary>
public sealed record SimulatedApiCall(string Method, JsonObject Arguments, int Status, string? Error, string? TeamId = null);
