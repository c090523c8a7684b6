using System.Globalization;
using System.Text;

namespace CoalitionBot.Documents;

/// <summary>Renders comments as a per-paragraph digest: general comments first, then §1, §2, … with their threads.</summary>
public static class CommentDigest
{
    /// <summary>Plain text digest (user text as written; for e-mail or plain chat).</summary>
    public static string ToPlainText(MemoDocument? memo, IEnumerable<MemoComment> comments, CommentDigestOptions? options = null) =>
        Render(memo, comments, options ?? CommentDigestOptions.Default, markdown: false);

    /// <summary>Markdown digest; every piece of user text is escaped so it renders literally.</summary>
    public static string ToMarkdown(MemoDocument? memo, IEnumerable<MemoComment> comments, CommentDigestOptions? options = null) =>
        Render(memo, comments, options ?? CommentDigestOptions.Default, markdown: true);

    private static string Render(MemoDocument? memo, IEnumerable<MemoComment> comments, CommentDigestOptions options, bool markdown)
    {
        ArgumentNullException.ThrowIfNull(comments);
        var all = comments.ToList();
        var shown = all.Where(c => options.IncludeResolved || !c.Resolved).ToList();
        var hiddenResolved = all.Count - shown.Count;
        string Esc(string s) => markdown ? MarkdownEscape.Escape(s) : BidiText.Isolate(OneLine(s));
        var text = new StringBuilder();
        text.Append(markdown ? "**" : string.Empty)
            .Append(CultureInfo.InvariantCulture, $"{Counted.Of(shown.Count, "comment thread")}")
            .Append(markdown ? "**" : string.Empty);
        if (hiddenResolved > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $" ({hiddenResolved} resolved not shown)");
        }

        text.Append('\n');
        foreach (var group in shown.GroupBy(c => c.ParagraphNumber).OrderBy(g => g.Key ?? 0))
        {
            text.Append('\n').Append(markdown ? "### " : string.Empty).Append(Heading(group.Key)).Append('\n');
            if (Excerpt(memo, group.Key, options.ExcerptLength) is { } excerpt)
            {
                text.Append(markdown ? "> " + Esc(excerpt) : "  \"" + excerpt + "\"").Append('\n');
            }

            text.Append(markdown ? "\n" : string.Empty);
            foreach (var comment in group.OrderBy(c => c.At))
            {
                text.Append("- ").Append(Byline(comment.Author, comment.Organisation, comment.At, options, Esc, markdown))
                    .Append(comment.Resolved ? " (resolved)" : string.Empty).Append(": ").Append(Esc(comment.Text)).Append('\n');
                foreach (var reply in comment.Replies.OrderBy(r => r.At))
                {
                    text.Append("  - ").Append(Byline(reply.Author, reply.Organisation, reply.At, options, Esc, markdown))
                        .Append(": ").Append(Esc(reply.Text)).Append('\n');
                }
            }
        }

        return text.ToString();
    }

    private static string Heading(int? paragraph) => paragraph is { } n ? $"§{n}" : "On the memo as a whole";

    private static string? Excerpt(MemoDocument? memo, int? paragraph, int length)
    {
        if (memo is null || paragraph is not { } n || n < 1 || n > memo.Paragraphs.Count)
        {
            return paragraph is null ? null : memo is null ? null : "(this paragraph no longer exists)";
        }

        var plain = OneLine(memo.Paragraphs[n - 1].PlainText);
        var info = new StringInfo(plain);
        return info.LengthInTextElements <= length ? plain : info.SubstringByTextElements(0, length).TrimEnd() + "…";
    }

    private static string Byline(string author, string organisation, DateTimeOffset at, CommentDigestOptions options, Func<string, string> escape, bool markdown)
    {
        var local = options.TimeZone is null ? at.ToUniversalTime() : TimeZoneInfo.ConvertTime(at, options.TimeZone);
        var when = local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + (options.TimeZone is null ? " UTC" : string.Empty);
        var name = markdown ? "**" + escape(author) + "**" : escape(author);
        return $"{name} ({escape(organisation)}, {when})";
    }

    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));
}
