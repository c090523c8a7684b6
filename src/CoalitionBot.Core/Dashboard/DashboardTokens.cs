using System.Security.Cryptography;
using System.Text;

namespace CoalitionBot.Core.Dashboard;

/// <summary>Random URL-safe tokens for links and sessions, and the hash under which they are stored.</summary>
public static class DashboardTokens
{
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromMinutes(10);

    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(12);

    /// <summary>256 random bits, base64url without padding (43 characters).</summary>
    public static string New() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Rejects anything that cannot be a token before it reaches the database.</summary>
    public static bool LooksValid(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
