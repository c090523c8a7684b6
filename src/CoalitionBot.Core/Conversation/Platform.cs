namespace CoalitionBot.Core.Conversation;

/// <summary>The places a person can reach the bot, or be reached by it: chat platforms, the web, and e-mail.</summary>
public enum Platform
{
    Web,
    Slack,
    Teams,

    /// <summary>E-mail with a personal link to the memo's web sign-on page (for partners outside chat).</summary>
    Email,
}
