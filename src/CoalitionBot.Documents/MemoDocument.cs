using System.Security.Cryptography;
using System.Text;
using Markdig;
using Markdig.Syntax;

namespace CoalitionBot.Documents;

/// <summary>
/// A memo's text parsed once with Markdig (raw HTML disabled) into the memo model that every renderer writes.
/// Paragraph numbers (§1, §2, …) count the top-level blocks in order, so comments can anchor to them; thematic
/// breaks and link reference definitions are not numbered.
/// </summary>
public sealed class MemoDocument
{
    /// <summary>The Markdig pipeline every memo is parsed with: CommonMark plus emphasis extras, no raw HTML.</summary>
    public static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseEmphasisExtras()
        .DisableHtml()
        .Build();

    private MemoDocument(string markdown, IReadOnlyList<MemoBlock> blocks, IReadOnlyList<MemoParagraph> paragraphs)
    {
        Markdown = markdown;
        Blocks = blocks;
        Paragraphs = paragraphs;
        ContentHash = HashOf(markdown);
    }

    public string Markdown { get; }

    /// <summary>Every top-level block in reading order: the numbered paragraphs' blocks with the <see cref="MemoRule"/>s between them.</summary>
    public IReadOnlyList<MemoBlock> Blocks { get; }

    public IReadOnlyList<MemoParagraph> Paragraphs { get; }

    /// <summary>SHA-256 (lowercase hex) of the text with line endings normalised and trailing space trimmed.</summary>
    public string ContentHash { get; }

    public static MemoDocument Parse(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var normalised = markdown.Replace("\r\n", "\n").Replace('\r', '\n');
        var syntax = Markdig.Markdown.Parse(normalised, Pipeline);
        var blocks = new List<MemoBlock>();
        var paragraphs = new List<MemoParagraph>();
        foreach (var block in syntax)
        {
            if (MemoModelBuilder.Block(block) is not { } model)
            {
                continue;
            }

            blocks.Add(model);
            if (model is not MemoRule)
            {
                var source = normalised.Substring(block.Span.Start, Math.Min(block.Span.Length, normalised.Length - block.Span.Start)).Trim();
                paragraphs.Add(new MemoParagraph(paragraphs.Count + 1, source, MemoHtmlWriter.PlainText(model), model));
            }
        }

        return new MemoDocument(normalised, blocks, paragraphs);
    }

    public static string HashOf(string markdown)
    {
        var normalised = string.Join('\n', markdown.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n').Select(l => l.TrimEnd())).Trim();
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalised)));
    }
}
