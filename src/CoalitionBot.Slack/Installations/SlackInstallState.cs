using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace CoalitionBot.Slack.Installations;

/// <summary>
/// The OAuth <c>state</c>: a random nonce and its expiry (10 minutes), signed and encrypted with Data Protection so
/// only this deployment can mint one. Single use is the database's job (<c>OAuthStateUses</c> primary key).
/// </summary>
internal sealed class SlackInstallState(IDataProtectionProvider provider, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly IDataProtector protector = provider.CreateProtector("CoalitionBot.Slack.OAuthState.v1");

    public string Create()
    {
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var expires = clock.GetUtcNow().Add(Lifetime).UtcTicks.ToString(CultureInfo.InvariantCulture);
        return protector.Protect($"{nonce}|{expires}");
    }

    /// <summary>The nonce of a genuine, unexpired state; null for anything else (forged, mangled, expired).</summary>
    public string? Verify(string? state)
    {
        if (string.IsNullOrEmpty(state))
        {
            return null;
        }

        string plain;
        try
        {
            plain = protector.Unprotect(state);
        }
        catch (CryptographicException)
        {
            return null;
        }

        return plain.Split('|') is [var nonce, var ticks]
            && long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            && clock.GetUtcNow().UtcTicks < expires
            ? nonce
            : null;
    }
}
