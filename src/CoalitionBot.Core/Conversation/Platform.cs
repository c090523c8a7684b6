namespace CoalitionBot.Core.Conversation;

/// <summary>The chat platforms a person can reach the bot on.</summary>
public enum Platform
{
    Web,
    Slack,
    Teams,
}
