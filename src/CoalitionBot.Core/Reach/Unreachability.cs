using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Domain;

namespace CoalitionBot.Core.Reach;

/// <summary>Why a contact cannot be reached, in words for coordinators; and marking a route that a platform said is closed.</summary>
public static class Unreachability
{
    /// <summary>The reason shown when no route is left for this contact.</summary>
    public static string Why(Contact contact) =>
        contact.UnreachableReason ?? (contact.Email is null ? "no e-mail address and no chat identity" : "every route failed");

    /// <summary>
    /// Records a permanent failure of one route: the identity is closed with the reason and the contact marked
    /// unreachable (they may still be reached another way; coordinators are told). Returns the advice for them.
    /// </summary>
    public static string Mark(Contact contact, ContactIdentity? identity, Platform platform, string reason)
    {
        contact.Unreachable = true;
        contact.UnreachableReason = platform == Platform.Email ? $"e-mail bounced: {reason}" : $"{ContactRoutes.Name(platform)} failed: {reason}";
        if (identity is not null)
        {
            identity.RouteFailure = reason;
        }

        return platform == Platform.Email
            ? " Their e-mail address does not accept mail; correct it with `partners link` or reach them another way."
            : " They may have blocked or removed the app; reach them another way.";
    }
}
