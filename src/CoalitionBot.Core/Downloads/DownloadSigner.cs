using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CoalitionBot.Documents;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Core.Downloads;

/// <summary>
/// Makes and checks download tokens: the ticket (subject id, format, list choice, expiry) in base64url, a dot, and
/// an HMAC-SHA256 of it. The token is the only permission a download needs, so it is short-lived and unforgeable.
/// </summary>
public sealed class DownloadSigner(IDownloadKey key, TimeProvider clock, IOptions<DownloadOptions> options)
{
    private const string Version = "v1";

    public TimeSpan Lifetime => options.Value.LinkLifetime;

    /// <summary>A ticket for <paramref name="format"/> of <paramref name="subjectId"/> that expires after the configured lifetime.</summary>
    public DownloadTicket Ticket(Guid subjectId, DownloadFormat format, ListChoice? choice = null) =>
        new(subjectId, format, choice ?? ListChoice.Default, TruncateToSeconds(clock.GetUtcNow() + Lifetime));

    public string Sign(DownloadTicket ticket)
    {
        var payload = string.Join('|', Version, ticket.SubjectId.ToString("N"), ticket.Format, ticket.Choice.Late, ticket.Choice.Unconfirmed,
            ticket.Choice.Countries ? "1" : "0", ticket.Expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        if (ticket.Choice.Paper != PaperSize.ByCulture)
        {
            payload += "|" + ticket.Choice.Paper; // only then, so links made before paper could be chosen stay valid
        }

        var bytes = Encoding.UTF8.GetBytes(payload);
        return Base64Url(bytes) + "." + Base64Url(Mac(bytes));
    }

    /// <summary>Checks the signature first (in constant time), then the expiry; a ticket is returned for valid and expired tokens.</summary>
    public DownloadCheck Verify(string? token, out DownloadTicket? ticket)
    {
        ticket = null;
        var dot = token?.IndexOf('.') ?? -1;
        if (token is null || dot <= 0 || token.Length > 1000 || !TryDecode(token[..dot], out var payload) || !TryDecode(token[(dot + 1)..], out var mac)
            || !CryptographicOperations.FixedTimeEquals(mac, Mac(payload)))
        {
            return DownloadCheck.Invalid;
        }

        var parts = Encoding.UTF8.GetString(payload).Split('|');
        var paper = PaperSize.ByCulture;
        if (parts.Length is not (7 or 8) || (parts.Length == 8 && (!Enum.TryParse(parts[7], out paper) || !Enum.IsDefined(paper) || paper == PaperSize.ByCulture))
            || parts[0] != Version || !Guid.TryParseExact(parts[1], "N", out var subject)
            || !Enum.TryParse<DownloadFormat>(parts[2], out var format) || !Enum.IsDefined(format)
            || !ListChoice.TryInclusion(parts[3], out var late) || !ListChoice.TryInclusion(parts[4], out var unconfirmed)
            || !long.TryParse(parts[6], NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
        {
            return DownloadCheck.Invalid;
        }

        ticket = new DownloadTicket(subject, format, new ListChoice(late, unconfirmed, parts[5] == "1", paper), DateTimeOffset.FromUnixTimeSeconds(expires));
        return clock.GetUtcNow() > ticket.Expires ? DownloadCheck.Expired : DownloadCheck.Valid;
    }

    private byte[] Mac(byte[] payload) => HMACSHA256.HashData(key.Key, payload);

    private static DateTimeOffset TruncateToSeconds(DateTimeOffset t) => DateTimeOffset.FromUnixTimeSeconds(t.ToUnixTimeSeconds());

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool TryDecode(string text, out byte[] bytes)
    {
        bytes = [];
        var base64 = text.Replace('-', '+').Replace('_', '/');
        base64 += (base64.Length % 4) switch { 2 => "==", 3 => "=", 0 => "", _ => "!" };
        var buffer = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64, buffer, out var written))
        {
            return false;
        }

        bytes = buffer[..written];
        return true;
    }
}
