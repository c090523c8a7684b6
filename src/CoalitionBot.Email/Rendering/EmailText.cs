using System.Text;
using CoalitionBot.Core.Messages;
using CoalitionBot.Documents;

namespace CoalitionBot.Email.Rendering;

/// <summary>The text/plain part: what a reader without HTML sees, links written out in full.</summary>
internal static class EmailText
{
    public static string Render(Message message, string footer)
    {
        var text = new StringBuilder();
        foreach (var block in message.Blocks)
        {
            var part = block switch
            {
                TextBlock { Strong: true } t => BidiText.Balance(t.Text) + "\n" + new string('=', Math.Min(t.Text.Length, 72)),
                TextBlock t => BidiText.Balance(t.Text),
                FieldsBlock f => string.Join('\n', f.Fields.Select(x => $"{x.Label}: {BidiText.Isolate(x.Value)}")),
                MemoExcerptBlock m => Memo(m),
                ButtonsBlock b => string.Join('\n', EmailRenderer.Links(b).Select(x => $"{x.Label}: {x.Url}")),
                _ => "",
            };
            if (part.Length > 0)
            {
                text.Append(part.TrimEnd('\n')).Append("\n\n");
            }
        }

        return text.Append("-- \n").Append(footer).Append('\n').ToString();
    }

    private static string Memo(MemoExcerptBlock block)
    {
        var memo = MemoPlainText.Render(EmailRenderer.Memo(block), block.Numbered).TrimEnd('\n');
        return "----\n" + memo + (block.Truncated ? "\n\n(This is the beginning of the memo: the link below opens the full text.)" : "") + "\n----";
    }
}
