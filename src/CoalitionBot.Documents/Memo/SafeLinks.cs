namespace CoalitionBot.Documents;

/// <summary>
/// The one rule for links in memo text, used when a memo is parsed, imported from Word or written to DOCX:
/// only absolute http, https and mailto addresses may be live. Everything else (javascript:, data:, relative
/// paths, slack://…) is shown as text, so no renderer needs a rule of its own.
/// </summary>
public static class SafeLinks
{
    /// <summary>True for an absolute http, https or mailto URL.</summary>
    public static bool IsAllowed(string? url) => TryAllow(url, out _);

    /// <summary>The parsed address of an allowed URL; false (and no address) for anything else.</summary>
    public static bool TryAllow(string? url, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Uri? address)
    {
        address = null;
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https" or "mailto"))
        {
            return false;
        }

        address = uri;
        return true;
    }
}
