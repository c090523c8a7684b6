using System.Text;

namespace CoalitionBot.Documents;

/// <summary>Imports a draft memo from Markdown text, a .md file or a .docx file.</summary>
public static class MemoImporter
{
    /// <summary>Largest memo text accepted, in UTF-8 bytes. A sign-on memo is a few pages; 200 KB is a book chapter.</summary>
    public const int MaxTextBytes = 200 * 1024;

    /// <summary>Largest .docx accepted before unzipping (images make Word files much larger than their text).</summary>
    public const int MaxDocxBytes = 20 * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Accepts Markdown as typed or pasted; normalises line endings. Throws <see cref="MemoImportException"/> over 200 KB.</summary>
    public static MemoImport FromMarkdown(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var normalised = markdown.Replace("\r\n", "\n").Replace('\r', '\n');
        EnsureSize(normalised);
        var warnings = new List<string>();
        if (normalised.Contains("<script", StringComparison.OrdinalIgnoreCase) || HasHtmlTag(normalised))
        {
            warnings.Add("The text contains HTML tags; they will be shown as text, not interpreted.");
        }

        return new MemoImport(normalised, warnings);
    }

    /// <summary>Accepts a .md file's bytes: UTF-8 with or without a byte-order mark. Anything else is refused.</summary>
    public static MemoImport FromMarkdownFile(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > MaxTextBytes + 3)
        {
            throw TooLarge(bytes.Length);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            throw new MemoImportException("The file is UTF-16; save it as UTF-8 and upload it again.");
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new MemoImportException("The file is not valid UTF-8 text; save it as UTF-8 and upload it again.", e);
        }

        return FromMarkdown(text);
    }

    /// <summary>
    /// Converts a Word document's headings, paragraphs, lists, bold, italic and links to Markdown. Everything
    /// else (images, tables, footnotes, comments, tracked changes, text boxes…) is listed in the warnings.
    /// </summary>
    public static MemoImport FromDocx(Stream docx)
    {
        ArgumentNullException.ThrowIfNull(docx);
        using var buffer = new MemoryStream();
        CopyLimited(docx, buffer);
        buffer.Position = 0;
        var (markdown, warnings) = DocxMemoReader.Read(buffer);
        EnsureSize(markdown);
        return new MemoImport(markdown, warnings);
    }

    private static void CopyLimited(Stream source, MemoryStream target)
    {
        var chunk = new byte[81920];
        int read;
        while ((read = source.Read(chunk, 0, chunk.Length)) > 0)
        {
            target.Write(chunk, 0, read);
            if (target.Length > MaxDocxBytes)
            {
                throw new MemoImportException($"The Word file is larger than {MaxDocxBytes / (1024 * 1024)} MB; remove images and upload it again.");
            }
        }
    }

    private static void EnsureSize(string text)
    {
        var bytes = Encoding.UTF8.GetByteCount(text);
        if (bytes > MaxTextBytes)
        {
            throw TooLarge(bytes);
        }
    }

    private static MemoImportException TooLarge(int bytes) =>
        new($"The memo text is {bytes / 1024} KB; the limit is {MaxTextBytes / 1024} KB. Shorten it or move annexes to a linked document.");

    private static bool HasHtmlTag(string text)
    {
        for (var i = text.IndexOf('<'); i >= 0 && i < text.Length - 1; i = text.IndexOf('<', i + 1))
        {
            var next = text[i + 1];
            if (char.IsAsciiLetter(next) || next is '/' or '!')
            {
                var close = text.IndexOf('>', i);
                var inner = close > i ? text[(i + 1)..close] : string.Empty;
                if (close > i && !inner.Contains(':') && !inner.Contains('@'))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
