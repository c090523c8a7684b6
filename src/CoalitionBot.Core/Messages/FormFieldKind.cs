namespace CoalitionBot.Core.Messages;

/// <summary>The kinds of input a form can ask for.</summary>
public enum FormFieldKind
{
    ShortText,
    LongText,
    Choice,
    Checkbox,
    DateTime,
}
