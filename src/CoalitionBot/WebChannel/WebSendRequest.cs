namespace CoalitionBot.WebChannel;

/// <summary>What the browser sends: who it pretends to be, and a command, a button press or a form.</summary>
public sealed record WebSendRequest(
    string? Id,
    string? Email,
    string? Name,
    string? TimeZone,
    string? Text,
    string? ActionId,
    string? Value,
    string? FormId,
    string? Context,
    Dictionary<string, string?>? Fields);
