namespace CoalitionBot.Tests;

/// <summary>What the coordinator types in the live-card tests of every platform: one organisation with two contacts, a memo, a new version.</summary>
internal static class LiveCardScript
{
    public const string Text = "We urge you to attach human rights conditions.\n\n**First**, vet every unit.";

    public const string NewMemo = "new Memo to the Secretary of State | The Secretary of State | 2026-11-20 17:00 | Europe/Berlin\n" + Text;

    public const string Publish = "publish M-1 substantive\n" + Text + "\n\n**Second**, monitor end use.";

    /// <summary>Set up, The Human Rights Advocates with Amira and Ben as its contacts.</summary>
    public static readonly string[] Coalition =
    [
        "setup Rights Before Arms",
        "partners add The Human Rights Advocates | International | UK",
        "partners link The Human Rights Advocates | Amira Haddad | amira@hra.org",
        "partners link The Human Rights Advocates | Ben Okafor | ben@hra.org",
    ];
}
