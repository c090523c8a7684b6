namespace CoalitionBot.Core.Messages;

/// <summary>How a button looks.</summary>
public enum ButtonStyle
{
    Default,
    Primary,
    Danger,
}
