using System.Text;

namespace CoalitionBot.Documents;

/// <summary>The result of comparing two versions of a memo.</summary>
public sealed record MemoComparison(IReadOnlyList<ParagraphChange> Changes, ChangeAssessment Assessment)
{
    /// <summary>Only the paragraphs that are not unchanged, in new-version order.</summary>
    public IEnumerable<ParagraphChange> Differences => Changes.Where(c => c.Kind != ParagraphChangeKind.Unchanged);

    /// <summary>"§3 changed, §5 added, §7 removed" — added/changed/moved use new numbers, removed uses old ones.</summary>
    public string Summary
    {
        get
        {
            var parts = Differences.Select(c => c.Kind switch
            {
                ParagraphChangeKind.Changed when c.OldNumber != c.NewNumber => $"§{c.NewNumber} changed (was §{c.OldNumber})",
                ParagraphChangeKind.Changed => $"§{c.NewNumber} changed",
                ParagraphChangeKind.Added => $"§{c.NewNumber} added",
                ParagraphChangeKind.Removed => $"§{c.OldNumber} removed",
                _ => $"§{c.NewNumber} moved (was §{c.OldNumber})",
            }).ToList();
            return parts.Count == 0 ? "No changes." : string.Join(", ", parts);
        }
    }

    /// <summary>
    /// Plain text for chat: the summary, then each changed paragraph with [-old-]{+new+} markers, unchanged text
    /// more than <paramref name="contextWords"/> words from a change cut to "…" (null keeps everything).
    /// </summary>
    public string ToChatText(MemoDocument oldVersion, MemoDocument newVersion, int? contextWords = 12)
    {
        var text = new StringBuilder().Append(Summary).Append('\n');
        foreach (var change in Differences)
        {
            text.Append('\n');
            _ = change.Kind switch
            {
                ParagraphChangeKind.Changed => text.Append('§').Append(change.NewNumber).Append(": ").Append(change.Words!.ToChatText(contextWords)),
                ParagraphChangeKind.Added => text.Append('§').Append(change.NewNumber).Append(" (added): {+").Append(Plain(newVersion, change.NewNumber)).Append("+}"),
                ParagraphChangeKind.Removed => text.Append("old §").Append(change.OldNumber).Append(" (removed): [-").Append(Plain(oldVersion, change.OldNumber)).Append("-]"),
                _ => text.Append('§').Append(change.NewNumber).Append(" (moved from §").Append(change.OldNumber).Append(")"),
            };
            text.Append('\n');
        }

        text.Append('\n').Append(Assessment.Reason).Append('\n');
        return text.ToString();
    }

    /// <summary>HTML: one &lt;section&gt; per difference with &lt;del&gt;/&lt;ins&gt; over the text as read (Markdown source only for formatting-only changes); all memo text escaped.</summary>
    public string ToHtml(MemoDocument oldVersion, MemoDocument newVersion)
    {
        var html = new StringBuilder("<div class=\"memo-diff\">\n<p class=\"memo-diff-summary\">")
            .Append(HtmlText.Escape(Summary)).Append("</p>\n");
        foreach (var change in Differences)
        {
            var label = change.Kind == ParagraphChangeKind.Removed ? $"old §{change.OldNumber}" : $"§{change.NewNumber}";
            html.Append("<section class=\"memo-diff-").Append(change.Kind.ToString().ToLowerInvariant()).Append("\"><h4>")
                .Append(HtmlText.Escape(label)).Append(' ').Append(change.Kind.ToString().ToLowerInvariant()).Append("</h4><p>");
            _ = change.Kind switch
            {
                ParagraphChangeKind.Changed => html.Append(ReadableWords(change, oldVersion, newVersion).ToHtml()),
                ParagraphChangeKind.Added => html.Append("<ins>").Append(HtmlText.Escape(Plain(newVersion, change.NewNumber)).Replace("\n", "<br>\n", StringComparison.Ordinal)).Append("</ins>"),
                ParagraphChangeKind.Removed => html.Append("<del>").Append(HtmlText.Escape(Plain(oldVersion, change.OldNumber)).Replace("\n", "<br>\n", StringComparison.Ordinal)).Append("</del>"),
                _ => html.Append(HtmlText.Escape(Plain(newVersion, change.NewNumber))),
            };
            html.Append("</p></section>\n");
        }

        html.Append("<p class=\"memo-diff-assessment\">").Append(HtmlText.Escape(Assessment.Reason)).Append("</p>\n</div>\n");
        return html.ToString();
    }

    // HTML readers should not see Markdown syntax: diff the rendered text, unless only formatting or a link
    // target changed, in which case the source diff is the only way to show what changed.
    private static WordDiff ReadableWords(ParagraphChange change, MemoDocument oldVersion, MemoDocument newVersion)
    {
        var before = Plain(oldVersion, change.OldNumber);
        var after = Plain(newVersion, change.NewNumber);
        return before == after ? change.Words! : WordDiff.Compute(before, after);
    }

    private static string Plain(MemoDocument memo, int? number) =>
        number is { } n && n >= 1 && n <= memo.Paragraphs.Count ? memo.Paragraphs[n - 1].PlainText : string.Empty;
}
