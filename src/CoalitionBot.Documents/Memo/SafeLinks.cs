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
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (link.IsImage)
            {
                var alt = string.Concat(link.Descendants<LiteralInline>().Select(l => l.Content.ToString()));
                link.ReplaceBy(new LiteralInline(alt), copyChildren: false);
            }
            else if (!IsAllowed(link.Url))
            {
                Unwrap(link);
            }
        }

        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            var url = autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url;
            if (!IsAllowed(url))
            {
                autolink.ReplaceBy(new LiteralInline(autolink.Url), copyChildren: false);
            }
        }
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
