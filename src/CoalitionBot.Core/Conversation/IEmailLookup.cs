namespace CoalitionBot.Core.Conversation;

/// <summary>
/// Asks a platform for the e-mail of a person the bot does not know yet, so their chat identity can be linked
/// to a directory contact. Called only for unknown identities whose inbound item carried no e-mail.
/// </summary>
public interface IEmailLookup
{
    Platform Platform { get; }

    /// <summary>The person's e-mail as the platform reports it, or null when it does not say (never throws for platform errors).</summary>
    Task<string?> FindEmailAsync(Actor actor, Place place, CancellationToken cancellationToken);
}
