namespace CoalitionBot.Testing.Teams;

/// <summary>The bot registration the simulator knows: only these credentials get a token.</summary>
public sealed record BotFrameworkSimulatorOptions
{
    public string AppId { get; init; } = "8d9f0a52-1c4e-4a8b-9a53-2f0e8c6b1d47";

    public string AppPassword { get; init; } = "sim-secret-" + Guid.NewGuid().ToString("N");

    public string TenantId { get; init; } = "5b1f7c0e-3d2a-4e8f-b6c9-0a1d2e3f4a5b";

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>The connector's budget per app per tenant, in requests a second (PROTOCOLS.md: about 50); 0 lifts it.</summary>
    public int TenantRequestsPerSecond { get; init; } = 50;
}
