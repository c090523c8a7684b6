using System.ComponentModel.DataAnnotations;

namespace CoalitionBot.SignOnPage;

/// <summary>Configuration section "SignOnPage": how often a personal link, and one IP address, may be used per minute.</summary>
public sealed class SignOnPageOptions
{
    public const string Section = "SignOnPage";

    /// <summary>Requests per minute with one personal link (opening the page and every button or form).</summary>
    [Range(1, 10_000)]
    public int PermitsPerLinkPerMinute { get; set; } = 30;

    /// <summary>Requests per minute from one IP address to any sign-on page (an office behind one address shares it).</summary>
    [Range(1, 100_000)]
    public int PermitsPerAddressPerMinute { get; set; } = 120;
}
