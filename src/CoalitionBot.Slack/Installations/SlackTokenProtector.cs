using Microsoft.AspNetCore.DataProtection;

namespace CoalitionBot.Slack.Installations;

/// <summary>Encrypts bot and refresh tokens at rest with ASP.NET Core Data Protection (keys in the database, shared by instances).</summary>
internal sealed class SlackTokenProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector tokens = provider.CreateProtector("CoalitionBot.Slack.Tokens.v1");

    public string Protect(string token) => tokens.Protect(token);

    public string Unprotect(string protectedToken) => tokens.Unprotect(protectedToken);
}
