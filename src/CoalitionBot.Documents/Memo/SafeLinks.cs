using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CoalitionBot.Documents;

/// <summary>Keeps only http, https and mailto links in memo text; everything else becomes plain text.</summary>
public static class SafeLinks
{
    /// <summary>True for an absolute http, https or mailto URL.</summary>
    public static bool IsAllowed(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri))
        {
            return false;
        }

        return uri.Scheme is "http" or "https" or "mailto";
    }

    /// <summary>
    /// Rewrites a parsed document in place: unsafe links are unwrapped to their text, unsafe autolinks become
    /// literal text, and images become their alt text (a memo should not load remote images into readers' mail).
    /// </summary>
    internal static void Sanitise(MarkdownDocument document)
    {
        // Autolinks first: unwrapping a link below re-threads its siblings, and a later walk could miss one.
        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            var url = autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url;
            if (!IsAllowed(url))
            {
                Replace(autolink, new LiteralInline(autolink.Url));
            }
        }

        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (link.IsImage)
            {
                var alt = string.Concat(link.Descendants<LiteralInline>().Select(l => l.Content.ToString()));
                Replace(link, new LiteralInline(alt));
            }
            else if (!IsAllowed(link.Url))
            {
                Unwrap(link);
            }
        }
    }

    /// <summary>Puts <paramref name="replacement"/> where <paramref name="inline"/> was (Markdig's ReplaceBy lost neighbouring text here).</summary>
    private static void Replace(Inline inline, Inline replacement)
    {
        inline.InsertBefore(replacement);
        inline.Remove();
    }

    private static void Unwrap(LinkInline link)
    {
        while (link.FirstChild is { } child)
        {
            child.Remove();
            link.InsertBefore(child);
        }

        link.Remove();
    }
}
