using System.Security.Cryptography;
using System.Text;
using Markdig;
using Markdig.Syntax;

namespace CoalitionBot.Documents;

/// <summary>
/// A memo's text parsed once with Markdig (raw HTML disabled). Paragraph numbers (§1, §2, …) count the
/// top-level blocks in order, so comments can anchor to them.
/// </summary>
public sealed class MemoDocument
{
    /// <summary>The Markdig pipeline every memo is parsed with: CommonMark plus emphasis extras, no raw HTML.</summary>
    public static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseEmphasisExtras()
        .DisableHtml()
        .Build();

    private MemoDocument(string markdown, MarkdownDocument syntax, IReadOnlyList<MemoParagraph> paragraphs)
    {
        Markdown = markdown;
        Syntax = syntax;
        Paragraphs = paragraphs;
        ContentHash = HashOf(markdown);
    }

    public string Markdown { get; }

    public MarkdownDocument Syntax { get; }

    public IReadOnlyList<MemoParagraph> Paragraphs { get; }

    /// <summary>SHA-256 (lowercase hex) of the text with line endings normalised and trailing space trimmed.</summary>
    public string ContentHash { get; }

    public static MemoDocument Parse(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var normalised = markdown.Replace("\r\n", "\n").Replace('\r', '\n');
        var syntax = Markdig.Markdown.Parse(normalised, Pipeline);
        var paragraphs = new List<MemoParagraph>();
        foreach (var block in syntax)
        {
            if (block is LinkReferenceDefinitionGroup or ThematicBreakBlock)
            {
                continue;
            }

            var source = normalised.Substring(block.Span.Start, Math.Min(block.Span.Length, normalised.Length - block.Span.Start)).Trim();
            var plain = Markdig.Markdown.ToPlainText(source, Pipeline).Trim();
            paragraphs.Add(new MemoParagraph(paragraphs.Count + 1, source, plain));
        }

        return new MemoDocument(normalised, syntax, paragraphs);
    }

    public static string HashOf(string markdown)
    {
        var normalised = string.Join('\n', markdown.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n').Select(l => l.TrimEnd())).Trim();
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalised)));
    }
}
