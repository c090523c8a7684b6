namespace CoalitionBot.Core.Messages;

/// <summary>
/// A neutral message: blocks plus a one-line plain-text summary that platforms use as notification
/// text and fallback. Renderers turn it into Block Kit, an Adaptive Card or HTML.
/// </summary>
public sealed record Message(string Summary, IReadOnlyList<Block> Blocks)
{
    /// <summary>
    /// The memo whose live card this is: a platform that refreshes a card when it is shown (Teams) asks for this
    /// memo's card again. Null for a message that is a snapshot (a status, a digest, a notice).
    /// </summary>
    public string? LiveMemoCode { get; init; }

    public static Message Text(string text) => new(FirstLine(text), [new TextBlock(text)]);

    private static string FirstLine(string text)
    {
        var line = text.Split('\n', 2)[0];
        return line.Length <= 150 ? line : line[..149] + "…";
    }
}
