using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using CoalitionBot.Core.Downloads;

namespace CoalitionBot.Core.Reach;

/// <summary>
/// Makes and recognises personal-link tokens: 256-bit HMAC-SHA256 of a link's 128-bit random seed under a key
/// derived from the host's signing key, written base64url (43 characters). Only the seed and the token's SHA-256
/// are stored, so the same link can be sent again, and nobody without the key can make or recover one.
/// </summary>
public sealed class PersonalLinkTokens(IDownloadKey key)
{
    public const int TokenLength = 43;

    public static string NewSeed() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public string TokenFor(string seed)
    {
        Span<byte> linkKey = stackalloc byte[32];
        HMACSHA256.HashData(key.Key, "CoalitionBot personal links v1"u8, linkKey);
        return Base64Url.EncodeToString(HMACSHA256.HashData(linkKey, Encoding.UTF8.GetBytes("link:" + seed)));
    }

    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Whether the text can be a token at all (length and alphabet); anything else is refused before a look-up.</summary>
    public static bool IsWellFormed(string? token) =>
        token is { Length: TokenLength } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
