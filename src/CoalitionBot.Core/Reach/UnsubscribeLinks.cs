using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using CoalitionBot.Core.Domain;
using CoalitionBot.Core.Downloads;

namespace CoalitionBot.Core.Reach;

/// <summary>
/// Signed unsubscribe tokens: the address (base64url) and an HMAC-SHA256 of it under a key derived from the host's
/// signing key, so the link works without a login or a stored row and nobody can make one for another address.
/// It does not expire: an old e-mail's unsubscribe link must keep working.
/// </summary>
public sealed class UnsubscribeLinks(IDownloadKey key, IPublicAddress address) : IUnsubscribeLinks
{
    public const string Path = "/unsubscribe/";

    private const int MaxAddressLength = 320;

    public string UrlFor(string email) => address.BaseUrl + Path + TokenFor(Contact.NormaliseEmail(email) ?? "");

    public string TokenFor(string email) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(email)) + "." + Base64Url.EncodeToString(Mac(email));

    /// <summary>The address a token was made for, or null when it is malformed or its signature does not match.</summary>
    public string? Read(string? token)
    {
        if (token is not { Length: > 0 and < 600 } || token.Split('.') is not [var encoded, var mac])
        {
            return null;
        }

        try
        {
            var email = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(encoded));
            var expected = Mac(email);
            var given = Base64Url.DecodeFromChars(mac);
            return email.Length is > 0 and <= MaxAddressLength && CryptographicOperations.FixedTimeEquals(expected, given) ? email : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private byte[] Mac(string email)
    {
        Span<byte> derived = stackalloc byte[32];
        HMACSHA256.HashData(key.Key, "CoalitionBot unsubscribe v1"u8, derived);
        return HMACSHA256.HashData(derived, Encoding.UTF8.GetBytes("unsubscribe:" + email));
    }
}
