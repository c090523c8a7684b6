namespace CoalitionBot.Documents;

/// <summary>How <see cref="MemoHtml"/> renders a memo.</summary>
/// <param name="ShowParagraphMarkers">Show a visible "§3" link before each numbered block.</param>
/// <param name="AnchorPrefix">Prefix of each block's id: "p" gives id="p3".</param>
public sealed record MemoHtmlOptions(bool ShowParagraphMarkers = true, string AnchorPrefix = "p")
{
    public static MemoHtmlOptions Default { get; } = new();
}
