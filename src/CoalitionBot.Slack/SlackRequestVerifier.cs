using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Slack;

/// <summary>
/// Verifies Slack's v0 request signature over the raw body. Fails closed: no secret, a missing header,
/// a timestamp more than 300 s away (either direction) or a mismatch all reject.
/// </summary>
internal sealed class SlackRequestVerifier(IOptionsMonitor<SlackOptions> options, TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(300);

    /// <summary>Returns null when the request is genuine, otherwise why not (for logs; never sent back).</summary>
    public string? Verify(string? timestampHeader, string? signatureHeader, ReadOnlySpan<byte> rawBody)
    {
        var secret = options.CurrentValue.SigningSecret;
        if (string.IsNullOrEmpty(secret))
        {
            return "no signing secret configured";
        }

        if (string.IsNullOrEmpty(timestampHeader) || string.IsNullOrEmpty(signatureHeader))
        {
            return "signature headers missing";
        }

        if (!long.TryParse(timestampHeader, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return "timestamp is not a number";
        }

        var now = time.GetUtcNow().ToUnixTimeSeconds();
        if (Math.Abs(now - seconds) > Window.TotalSeconds)
        {
            return "timestamp outside the 300 s window";
        }

        var expected = Sign(secret, timestampHeader, rawBody);
        var given = Encoding.ASCII.GetBytes(signatureHeader);
        return CryptographicOperations.FixedTimeEquals(expected, given) ? null : "signature mismatch";
    }

    /// <summary>The ASCII bytes of "v0=" + lowercase hex HMAC-SHA256(secret, "v0:{timestamp}:{body}").</summary>
    public static byte[] Sign(string secret, string timestamp, ReadOnlySpan<byte> rawBody)
    {
        var prefix = Encoding.UTF8.GetBytes($"v0:{timestamp}:");
        var baseString = new byte[prefix.Length + rawBody.Length];
        prefix.CopyTo(baseString, 0);
        rawBody.CopyTo(baseString.AsSpan(prefix.Length));
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), baseString);
        return Encoding.ASCII.GetBytes("v0=" + Convert.ToHexStringLower(mac));
    }
}
