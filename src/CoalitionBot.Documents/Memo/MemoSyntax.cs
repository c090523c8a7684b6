using Markdig.Syntax;

namespace CoalitionBot.Documents;

/// <summary>Re-parses a memo for rendering so the shared <see cref="MemoDocument.Syntax"/> is never mutated.</summary>
internal static class MemoSyntax
{
    /// <summary>Top-level blocks that carry a § number, in the same order <see cref="MemoDocument.Parse"/> numbers them.</summary>
    public static IEnumerable<Block> SanitisedTopLevelBlocks(MemoDocument memo)
    {
        var syntax = Markdig.Markdown.Parse(memo.Markdown, MemoDocument.Pipeline);
        SafeLinks.Sanitise(syntax);
        return syntax.Where(IsNumbered).ToList();
    }

    public static bool IsNumbered(Block block) => block is not (LinkReferenceDefinitionGroup or ThematicBreakBlock);
}
