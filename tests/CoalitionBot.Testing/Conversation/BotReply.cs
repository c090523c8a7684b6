using System.Text;
using CoalitionBot.Core.Messages;
using CoalitionBot.Core.Replies;

namespace CoalitionBot.Testing.Conversation;

/// <summary>What the bot answered, flattened for assertions: all its text, its form, its field errors, its buttons.</summary>
public sealed class BotReply(Reply reply)
{
    public Reply Reply { get; } = reply;

    public Message? Message => Reply switch
    {
        MessageReply m => m.Message,
        FormAcceptedReply a => a.Confirmation,
        _ => null,
    };

    public Form? Form => Reply switch
    {
        OpenFormReply f => f.Form,
        FormErrorsReply e => e.Form,
        _ => null,
    };

    public IReadOnlyDictionary<string, string> Errors => (Reply as FormErrorsReply)?.Errors ?? new Dictionary<string, string>();

    public bool IsDuplicate => Reply is DuplicateReply;

    public IReadOnlyList<Button> Buttons => Message?.Blocks.OfType<ButtonsBlock>().SelectMany(b => b.Buttons).ToList() ?? [];

    /// <summary>Every piece of text in the reply, one per line (form intro and labels included).</summary>
    public string Text => Flatten();

    private string Flatten()
    {
        var text = new StringBuilder();
        if (Message is { } message)
        {
            Append(text, message);
        }

        if (Form is { } form)
        {
            text.AppendLine(form.Title).AppendLine(form.Intro);
            foreach (var field in form.Fields)
            {
                text.AppendLine(field.Label);
            }
        }

        foreach (var error in Errors.Values)
        {
            text.AppendLine(error);
        }

        return text.ToString();
    }

    public static string Append(StringBuilder text, Message message)
    {
        foreach (var block in message.Blocks)
        {
            switch (block)
            {
                case TextBlock t: text.AppendLine(t.Text); break;
                case MemoExcerptBlock m: text.AppendLine(m.Markdown); break;
                case FieldsBlock f: foreach (var field in f.Fields) { text.Append(field.Label).Append(": ").AppendLine(field.Value); } break;
                case ButtonsBlock b: text.AppendLine(string.Join(" | ", b.Buttons.Select(x => "[" + x.Label + "]"))); break;
            }
        }

        return text.ToString();
    }

    public override string ToString() => Text;
}
