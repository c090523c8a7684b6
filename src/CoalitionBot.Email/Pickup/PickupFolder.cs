using System.Text.RegularExpressions;
using MimeKit;

namespace CoalitionBot.Email.Pickup;

/// <summary>
/// The folder e-mails are written to when no SMTP server is configured: one "{delivery id}.eml" per delivery.
/// Reads it back for the local web channel's /mail page; names are checked, so no other file can be opened.
/// </summary>
public sealed partial class PickupFolder(string path)
{
    /// <summary>The folder's absolute path.</summary>
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>The file a delivery's e-mail is written to.</summary>
    public string PathOf(Guid deliveryId) => System.IO.Path.Combine(Path, $"{deliveryId:N}.eml");

    /// <summary>The newest messages first (at most <paramref name="limit"/>); unreadable files are left out.</summary>
    public IReadOnlyList<PickupMessage> List(int limit = 200)
    {
        if (!Directory.Exists(Path))
        {
            return [];
        }

        var files = new DirectoryInfo(Path).EnumerateFiles("*.eml").Where(f => IsName(f.Name))
            .OrderByDescending(f => f.LastWriteTimeUtc).ThenBy(f => f.Name, StringComparer.Ordinal).Take(limit);
        var messages = new List<PickupMessage>();
        foreach (var file in files)
        {
            if (Headers(file) is { } message)
            {
                messages.Add(message);
            }
        }

        return messages;
    }

    /// <summary>The message stored under <paramref name="name"/>, or null when there is none (or the name is not one of ours).</summary>
    public MimeMessage? Open(string name)
    {
        if (!IsName(name))
        {
            return null;
        }

        try
        {
            return MimeMessage.Load(System.IO.Path.Combine(Path, name));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }

    /// <summary>True for "{32 hex digits}.eml", the only names this folder writes.</summary>
    public static bool IsName(string? name) => name is not null && NamePattern().IsMatch(name);

    private static PickupMessage? Headers(FileInfo file)
    {
        try
        {
            using var stream = file.OpenRead();
            var headers = HeaderList.Load(stream);
            return new PickupMessage(file.Name, headers[HeaderId.Subject] ?? "", headers[HeaderId.To] ?? "",
                MimeKit.Utils.DateUtils.TryParse(headers[HeaderId.Date] ?? "", out var date) ? date : new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }

    [GeneratedRegex("^[0-9a-f]{32}\\.eml$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
