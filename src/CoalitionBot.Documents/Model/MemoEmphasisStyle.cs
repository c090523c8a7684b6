namespace CoalitionBot.Documents;

/// <summary>What kind of emphasis a <see cref="MemoEmphasis"/> is, by its Markdown delimiter.</summary>
public enum MemoEmphasisStyle
{
    /// <summary><c>*x*</c> or <c>_x_</c>.</summary>
    Italic,

    /// <summary><c>**x**</c> or <c>__x__</c>.</summary>
    Bold,

    /// <summary><c>~~x~~</c>.</summary>
    Strikethrough,

    /// <summary><c>~x~</c>.</summary>
    Subscript,

    /// <summary><c>^x^</c>.</summary>
    Superscript,

    /// <summary><c>++x++</c>.</summary>
    Inserted,

    /// <summary><c>==x==</c>.</summary>
    Marked,
}
