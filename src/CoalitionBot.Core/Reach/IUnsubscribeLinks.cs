namespace CoalitionBot.Core.Reach;

/// <summary>The one-click unsubscribe address (RFC 8058) an e-mail to this address carries in List-Unsubscribe.</summary>
public interface IUnsubscribeLinks
{
    /// <summary>The absolute https (or http, locally) URL; a POST to it with no login unsubscribes the address.</summary>
    string UrlFor(string address);
}
