namespace CoalitionBot.Email;

/// <summary>
/// Configuration section "Email": how e-mails to partners outside chat are sent. With no SMTP host, each message
/// is written as an .eml file to <see cref="PickupDirectory"/> instead, so a newcomer can open it.
/// </summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>The sender, e.g. "Our coalition &lt;memos@coalition.example.org&gt;". Its domain also names every Message-ID.</summary>
    public string From { get; set; } = "CoalitionBot <coalitionbot@localhost>";

    /// <summary>Where messages go when no SMTP host is set; relative paths start from the folder the bot runs in (like the SQLite file).</summary>
    public string PickupDirectory { get; set; } = "data/mail";

    /// <summary>The address in List-Unsubscribe (mailto) that a coordinator reads; the From address when empty.</summary>
    public string? UnsubscribeAddress { get; set; }

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>True when an SMTP host is configured: e-mails are sent, not written to the pickup folder.</summary>
    public bool SendsOverSmtp => !string.IsNullOrWhiteSpace(Smtp.Host);
}
