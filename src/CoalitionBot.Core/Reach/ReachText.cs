using CoalitionBot.Core.Domain;

namespace CoalitionBot.Core.Reach;

/// <summary>How a contact is reached, in the words `partners` and `status` show coordinators.</summary>
public static class ReachText
{
    /// <summary>"reachable in chat: Slack DM", "reached by e-mail (personal link)", "UNREACHABLE: no e-mail address and no chat identity".</summary>
    public static string Describe(Contact contact, ContactIdentity? route)
    {
        if (route is null)
        {
            return contact.Email is not null && contact.ReachCheckedAt is null
                ? "being looked up on Slack and Teams"
                : "UNREACHABLE: " + Unreachability.Why(contact);
        }

        var how = route.Platform == Conversation.Platform.Email
            ? "reached by " + ContactRoutes.Describe(route, contact)
            : "reachable in chat: " + ContactRoutes.Describe(route, contact);
        return contact.Unreachable && contact.UnreachableReason is { } reason ? $"{how} ({reason})" : how;
    }
}
